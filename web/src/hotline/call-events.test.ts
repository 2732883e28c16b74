import { describe, expect, it } from 'vitest';
import { addTranscriptLine, parseCallEvent } from './call-events';

describe('parseCallEvent', () => {
  it('reads the contract events', () => {
    expect(
      parseCallEvent(
        '{"type":"call.started","callId":"c1","token":"t","personaName":"Maja","disclosure":"I am an AI"}',
      ),
    ).toEqual({
      type: 'call.started',
      callId: 'c1',
      token: 't',
      personaName: 'Maja',
      disclosure: 'I am an AI',
    });
    expect(parseCallEvent('{"type":"transcript","speaker":"caller","seq":2,"text":"hello"}')).toEqual({
      type: 'transcript',
      speaker: 'caller',
      seq: 2,
      text: 'hello',
    });
    expect(parseCallEvent('{"type":"clear"}')).toEqual({ type: 'clear' });
    expect(parseCallEvent('{"type":"call.ended","callId":"c1","reason":"completed"}')).toMatchObject({
      reason: 'completed',
    });
  });

  it('ignores what is not in the contract instead of failing the call', () => {
    expect(parseCallEvent('not json')).toBeUndefined();
    expect(parseCallEvent('42')).toBeUndefined();
    expect(parseCallEvent('{"type":"transcript","speaker":"robot","seq":1,"text":"x"}')).toBeUndefined();
    expect(parseCallEvent('{"type":"something.new"}')).toBeUndefined();
  });
});

describe('addTranscriptLine', () => {
  it('keeps turns in order and lets a later event for the same turn replace its text', () => {
    let lines = addTranscriptLine([], { speaker: 'persona', seq: 1, text: 'Hi, I am an AI' });
    lines = addTranscriptLine(lines, { speaker: 'persona', seq: 3, text: 'What happened?' });
    lines = addTranscriptLine(lines, { speaker: 'caller', seq: 2, text: 'the app' });
    lines = addTranscriptLine(lines, { speaker: 'caller', seq: 2, text: 'the app crashed' });
    expect(lines.map((l) => `${l.seq}:${l.text}`)).toEqual([
      '1:Hi, I am an AI',
      '2:the app crashed',
      '3:What happened?',
    ]);
  });
});
