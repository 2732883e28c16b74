import { describe, expect, it } from 'vitest';
import { PlaybackSchedule } from './playback-schedule';

describe('PlaybackSchedule', () => {
  it('plays chunks back to back, each starting where the previous one ends', () => {
    const schedule = new PlaybackSchedule(0.05);
    const first = schedule.schedule(10, 0.2);
    expect(first).toBeCloseTo(10.05);
    // The next chunks arrive while the first still plays: no gap, no overlap.
    expect(schedule.schedule(10.01, 0.2)).toBeCloseTo(10.25);
    expect(schedule.schedule(10.02, 0.1)).toBeCloseTo(10.45);
    expect(schedule.remaining(10.3)).toBeCloseTo(0.25);
    expect(schedule.playing(10.5)).toBe(true);
    expect(schedule.playing(10.56)).toBe(false);
  });

  it('never schedules a late chunk in the past: it starts a little after now', () => {
    const schedule = new PlaybackSchedule(0.05);
    schedule.schedule(1, 0.1);
    expect(schedule.schedule(5, 0.1)).toBeCloseTo(5.05);
    expect(schedule.remaining(6)).toBe(0);
  });

  it('after a reset (barge-in) the next reply starts now, not after the cleared audio', () => {
    const schedule = new PlaybackSchedule(0.05);
    schedule.schedule(0, 3);
    schedule.reset();
    expect(schedule.playing(0.5)).toBe(false);
    expect(schedule.schedule(0.5, 1)).toBeCloseTo(0.55);
  });
});
