import { describe, expect, it } from 'vitest';
import { applyCallEvent } from './calls-live';
import { type HotlineCallSummary, type HotlineTurn, withTurn } from './hotline-types';

const call = (id: string, patch: Partial<HotlineCallSummary> = {}): HotlineCallSummary => ({
  id,
  personaId: 'maja',
  channel: 'phone',
  language: 'en',
  market: 'US',
  toNumber: '+14155550134',
  fromNumberMasked: '+1 ••• ••• 0199',
  status: 'active',
  endReason: null,
  startedAt: '2026-01-01T10:00:00Z',
  endedAt: null,
  turnCount: 0,
  summary: null,
  ...patch,
});

describe('applyCallEvent', () => {
  it('puts a new call first, counts its turns and marks it ended with its summary', () => {
    let calls = [call('old', { status: 'ended', turnCount: 5 })];
    calls = applyCallEvent(
      calls,
      { topic: 'hotline', type: 'hotline.call.started', data: { call: call('new') } },
      '',
    );
    calls = applyCallEvent(
      calls,
      { topic: 'hotline', type: 'hotline.turn', data: { callId: 'new', turn: { seq: 1 } } },
      '',
    );
    calls = applyCallEvent(
      calls,
      { topic: 'hotline', type: 'hotline.turn', data: { callId: 'new', turn: { seq: 2 } } },
      '',
    );
    calls = applyCallEvent(
      calls,
      {
        topic: 'hotline',
        type: 'hotline.call.ended',
        data: { callId: 'new', summary: 'Wants faster refunds', endReason: 'completed' },
      },
      '',
    );
    expect(calls.map((c) => [c.id, c.status, c.turnCount, c.summary, c.endReason])).toEqual([
      ['new', 'ended', 2, 'Wants faster refunds', 'completed'],
      ['old', 'ended', 5, null, null],
    ]);
  });

  it('keeps the filter: an ended call leaves the "in progress" list, a started one stays out of "ended"', () => {
    const active = applyCallEvent(
      [call('a')],
      {
        topic: 'hotline',
        type: 'hotline.call.ended',
        data: { callId: 'a', summary: '', endReason: 'completed' },
      },
      'active',
    );
    expect(active).toEqual([]);
    const ended = applyCallEvent(
      [],
      { topic: 'hotline', type: 'hotline.call.started', data: { call: call('b') } },
      'ended',
    );
    expect(ended).toEqual([]);
  });

  it('does not add the same call twice when its start event repeats', () => {
    const once = applyCallEvent(
      [call('a')],
      { topic: 'hotline', type: 'hotline.call.started', data: { call: call('a') } },
      '',
    );
    expect(once).toHaveLength(1);
  });
});

describe('withTurn', () => {
  it('adds live turns in order and replaces a repeated one', () => {
    const turn = (seq: number, text: string): HotlineTurn => ({
      seq,
      speaker: seq % 2 ? 'persona' : 'caller',
      text,
      startedAt: '2026-01-01T10:00:00Z',
      endedAt: null,
      passageId: null,
      interrupted: false,
      latency: null,
    });
    let turns = withTurn([], turn(1, 'Hi, I am an AI'));
    turns = withTurn(turns, turn(3, 'Why?'));
    turns = withTurn(turns, turn(2, 'the app'));
    turns = withTurn(turns, turn(2, 'the app crashed'));
    expect(turns.map((t) => t.text)).toEqual(['Hi, I am an AI', 'the app crashed', 'Why?']);
  });
});
