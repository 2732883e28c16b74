import WebSocket from 'ws';

export type LiveMessage = {
  type: string;
  topics?: string[];
  error?: { code: string; message?: string };
  event?: { topic?: string; type: string; data: unknown };
};

/** A real WebSocket to /api/v1/live that keeps every frame; `waitFor` resolves on the first match. */
export function connectLive(url: string, headers: Record<string, string> = {}) {
  const socket = new WebSocket(url, { headers });
  const messages: LiveMessage[] = [];
  socket.on('message', (raw) => messages.push(JSON.parse(raw.toString()) as LiveMessage));
  const waitFor = (predicate: (m: LiveMessage) => boolean, ms = 5_000) =>
    new Promise<LiveMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out; got ${JSON.stringify(messages)}`)), ms);
      const look = () => {
        const found = messages.find(predicate);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      };
      look();
      socket.on('message', look);
    });
  return { socket, messages, waitFor };
}
