import { describe, expect, it } from 'vitest';
import { PlayoutClock } from './playout-clock.js';

describe('PlayoutClock', () => {
  it('plays audio at real time and echoes a mark only when the audio before it has played', () => {
    const clock = new PlayoutClock();
    // 1 s of audio arrives at once at t=1000 (servers send faster than real time).
    for (let i = 0; i < 50; i++) clock.push(160, 1000);
    clock.mark('turn-1', 1000);
    expect(clock.bufferedMs(1000)).toBe(1000);
    expect(clock.nextDueAt()).toBe(2000);
    expect(clock.takeDue(1999)).toEqual([]);
    expect(clock.idle(1999)).toBe(false);
    expect(clock.takeDue(2000)).toEqual(['turn-1']);
    expect(clock.idle(2000)).toBe(true);
  });

  it('queues audio behind what is still playing and keeps marks in order', () => {
    const clock = new PlayoutClock();
    expect(clock.push(800, 0)).toBe(0); // 100 ms
    clock.mark('a', 10);
    expect(clock.push(800, 50)).toBe(100); // starts when the first has played
    clock.mark('b', 60);
    // A gap: audio arriving after the buffer ran dry starts when it arrives.
    expect(clock.push(800, 500)).toBe(500);
    clock.mark('c', 500);
    expect(clock.takeDue(150)).toEqual(['a']);
    expect(clock.takeDue(400)).toEqual(['b']);
    expect(clock.takeDue(599)).toEqual([]);
    expect(clock.takeDue(600)).toEqual(['c']);
    expect(clock.receivedMs).toBe(300);
  });

  it('a mark with no audio before it is due at once', () => {
    const clock = new PlayoutClock();
    clock.mark('empty', 42);
    expect(clock.takeDue(42)).toEqual(['empty']);
  });

  it('clear drops the queued audio and releases pending marks', () => {
    const clock = new PlayoutClock();
    clock.push(8000, 0); // 1 s
    clock.mark('turn-2', 0);
    clock.push(8000, 0); // another second after the mark
    clock.mark('turn-3', 0);
    expect(clock.clear(300)).toEqual(['turn-2', 'turn-3']);
    expect(clock.droppedMs).toBe(1700);
    expect(clock.bufferedMs(300)).toBe(0);
    expect(clock.idle(300)).toBe(true);
    expect(clock.takeDue(5000)).toEqual([]);
    // New audio after the clear plays from now, not after the dropped audio.
    expect(clock.push(800, 310)).toBe(310);
  });
});
