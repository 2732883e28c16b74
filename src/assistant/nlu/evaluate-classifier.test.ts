import { describe, expect, it } from 'vitest';
import { computeMetrics } from './evaluate-classifier.js';

describe('computeMetrics', () => {
  it('matches a hand-checked confusion example', () => {
    // gold:      a a a b b oos oos
    // predicted: a a b b oos oos a
    // a: tp 2, gold 3, pred 3 -> F1 4/6;  b: tp 1, gold 2, pred 2 -> F1 2/4;  oos: tp 1, gold 2, pred 2 -> F1 2/4
    const gold = ['a', 'a', 'a', 'b', 'b', 'oos', 'oos'];
    const predicted = ['a', 'a', 'b', 'b', 'oos', 'oos', 'a'];
    const m = computeMetrics(gold, predicted);
    expect(m.n).toBe(7);
    expect(m.accuracy).toBeCloseTo(4 / 7, 10);
    expect(m.macroF1).toBeCloseTo((4 / 6 + 0.5 + 0.5) / 3, 10);
    expect(m.inScopeAccuracy).toBeCloseTo(3 / 5, 10);
    expect(m.oosRecall).toBeCloseTo(1 / 2, 10);
  });

  it('counts a label that is only ever predicted as F1 0, and omits oos figures without oos rows', () => {
    const m = computeMetrics(['a', 'a'], ['a', 'z']);
    expect(m.accuracy).toBe(0.5);
    // a: 2*1/(2+1) = 2/3; z: 0
    expect(m.macroF1).toBeCloseTo(1 / 3, 10);
    expect(m).not.toHaveProperty('oosRecall');
    expect(m).not.toHaveProperty('inScopeAccuracy');
  });
});
