import { classify, type IntentClassifier, OOS_LABEL } from './train-classifier.js';

export interface ClassifierMetrics {
  n: number;
  accuracy: number;
  /** Unweighted mean of per-label F1 over every label that is gold or predicted at least once. */
  macroF1: number;
  /** Only when some gold rows are oos: accuracy on the other rows, and share of oos rows predicted oos. */
  inScopeAccuracy?: number;
  oosRecall?: number;
}

export function computeMetrics(
  gold: readonly string[],
  predicted: readonly string[],
  oosLabel = OOS_LABEL,
): ClassifierMetrics {
  if (gold.length !== predicted.length) throw new Error('gold and predicted differ in length');
  const n = gold.length;
  const truePositive = new Map<string, number>();
  const goldCount = new Map<string, number>();
  const predictedCount = new Map<string, number>();
  let correct = 0;
  let inScope = 0;
  let inScopeCorrect = 0;
  let oos = 0;
  let oosFound = 0;
  for (let i = 0; i < n; i++) {
    const g = gold[i]!;
    const p = predicted[i]!;
    goldCount.set(g, (goldCount.get(g) ?? 0) + 1);
    predictedCount.set(p, (predictedCount.get(p) ?? 0) + 1);
    if (g === p) {
      correct++;
      truePositive.set(g, (truePositive.get(g) ?? 0) + 1);
    }
    if (g === oosLabel) {
      oos++;
      if (p === oosLabel) oosFound++;
    } else {
      inScope++;
      if (g === p) inScopeCorrect++;
    }
  }
  const labels = new Set([...goldCount.keys(), ...predictedCount.keys()]);
  let f1Sum = 0;
  for (const label of labels) {
    const tp = truePositive.get(label) ?? 0;
    const denominator = (goldCount.get(label) ?? 0) + (predictedCount.get(label) ?? 0);
    // F1 = 2tp / (2tp + fp + fn) = 2tp / (gold + predicted); 0 when the label is never right.
    f1Sum += denominator === 0 ? 0 : (2 * tp) / denominator;
  }
  const metrics: ClassifierMetrics = {
    n,
    accuracy: n === 0 ? 0 : correct / n,
    macroF1: labels.size === 0 ? 0 : f1Sum / labels.size,
  };
  if (oos > 0) {
    metrics.inScopeAccuracy = inScope === 0 ? 0 : inScopeCorrect / inScope;
    metrics.oosRecall = oosFound / oos;
  }
  return metrics;
}

export function evaluateClassifier(
  model: IntentClassifier,
  texts: readonly string[],
  gold: readonly string[],
): ClassifierMetrics {
  return computeMetrics(
    gold,
    texts.map((text) => classify(model, text, 1).label),
  );
}
