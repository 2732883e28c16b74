import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, normalizedMutualInformation } from './cluster-metrics.js';

describe('NMI and ARI', () => {
  it('are 1 for the same partition under other names', () => {
    const truth = ['a', 'a', 'b', 'b', 'c'];
    const predicted = [7, 7, 3, 3, 9];
    expect(normalizedMutualInformation(truth, predicted)).toBeCloseTo(1, 12);
    expect(adjustedRandIndex(truth, predicted)).toBeCloseTo(1, 12);
  });

  it('match the textbook values for a refinement (NMI 0.8, ARI 4/7)', () => {
    // Splitting one of two true classes: MI = H(truth) = ln 2, H(pred) = 1.5 ln 2 → 2/2.5.
    expect(normalizedMutualInformation([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.8, 12);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(4 / 7, 12);
  });

  it('give 0 NMI for independent partitions and negative ARI for a crossed one', () => {
    expect(normalizedMutualInformation([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(0, 12);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
  });

  it('refuse partitions of different lengths', () => {
    expect(() => adjustedRandIndex([0, 1], [0])).toThrow(/length/);
  });
});
