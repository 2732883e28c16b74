import { useLiveEvents } from '../../use-live-events';

/** Calls `reload` on every `insights.*` event, and when the socket (re)opens, since missed events are not replayed. */
export function useInsightsLive(reload: () => void) {
  return useLiveEvents(['insights'], (event) => {
    if (event.type.startsWith('insights.')) reload();
  });
}
