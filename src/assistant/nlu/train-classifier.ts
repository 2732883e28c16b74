import { type FeatureConfig, type SparseVector, Vectorizer } from './features.js';
import {
  type LinearWeights,
  linearScores,
  mulberry32,
  type SvmOptions,
  softmax,
  trainOneVsRestSvm,
} from './linear-model.js';

/** The out-of-scope label: learnable from training rows, and predicted for low-confidence inputs. */
export const OOS_LABEL = 'oos';

export interface TrainOptions {
  features: FeatureConfig;
  svm: SvmOptions;
  /** Share of the training rows held out to fit the softmax temperature and the oos threshold. */
  validationFraction: number;
  /** Below this many rows calibration is skipped and defaultTemperature is used. */
  minRowsForCalibration: number;
  defaultTemperature: number;
  /**
   * Predict oos when fewer than this share of a text's n-grams were seen in training: gibberish, or a
   * language the model was never taught, is no evidence for any intent however the scores fall.
   */
  minCoverage: number;
}

/**
 * Defaults chosen on a stratified 85/15 split of banking77's train.csv (see bench/nlu-banking77.ts --tune);
 * test.csv played no part.
 */
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  features: {
    hashBits: 22,
    wordNgramMax: 2,
    skipWindow: 0,
    charNgramMin: 2,
    charNgramMax: 5,
    wordWeight: 1,
    charWeight: 1,
    sublinearTf: true,
    foldDiacritics: true,
    foldDigits: true,
    minDf: 2,
  },
  svm: { c: 0.5, maxEpochs: 30, tolerance: 0.1, seed: 1 },
  validationFraction: 0.1,
  minRowsForCalibration: 200,
  defaultTemperature: 3,
  minCoverage: 0.2,
};

export interface IntentClassifier {
  labels: string[];
  vectorizer: Vectorizer;
  linear: LinearWeights;
  /** Multiplies raw scores before the softmax; fitted on held-out rows to make probabilities honest-ish. */
  temperature: number;
  /** Predict oos when the top probability is below this (0 = never by threshold). */
  oosThreshold: number;
  minCoverage: number;
}

export interface Prediction {
  label: string;
  /** Softmax probability of the predicted label (0 when nothing in the text was recognised). */
  confidence: number;
  /** Top labels with their probabilities, best first. */
  ranked: { label: string; probability: number }[];
}

export function mergeTrainOptions(overrides: {
  features?: Partial<FeatureConfig>;
  svm?: Partial<SvmOptions>;
  validationFraction?: number;
  minCoverage?: number;
}): TrainOptions {
  return {
    ...DEFAULT_TRAIN_OPTIONS,
    ...(overrides.validationFraction === undefined
      ? {}
      : { validationFraction: overrides.validationFraction }),
    ...(overrides.minCoverage === undefined ? {} : { minCoverage: overrides.minCoverage }),
    features: { ...DEFAULT_TRAIN_OPTIONS.features, ...overrides.features },
    svm: { ...DEFAULT_TRAIN_OPTIONS.svm, ...overrides.svm },
  };
}

interface FittedParts {
  vectorizer: Vectorizer;
  linear: LinearWeights;
}

function fitParts(
  texts: readonly string[],
  y: Int32Array,
  numClasses: number,
  options: TrainOptions,
): FittedParts {
  // On tiny data sets almost every n-gram is seen once; pruning them would leave nothing to learn from.
  const minDf = texts.length < 500 ? 1 : options.features.minDf;
  const vectorizer = Vectorizer.fit(texts, options.features, minDf);
  const xs = texts.map((t) => vectorizer.transform(t));
  const linear = trainOneVsRestSvm(xs, y, numClasses, vectorizer.size, options.svm);
  return { vectorizer, linear };
}

/** Stratified split: every label keeps about `fraction` of its rows out, and at least one row in. */
export function stratifiedSplit(
  labels: readonly string[],
  fraction: number,
  seed: number,
): { train: number[]; heldOut: number[] } {
  const byLabel = new Map<string, number[]>();
  labels.forEach((label, i) => {
    const rows = byLabel.get(label);
    if (rows) rows.push(i);
    else byLabel.set(label, [i]);
  });
  const random = mulberry32(seed);
  const train: number[] = [];
  const heldOut: number[] = [];
  for (const label of [...byLabel.keys()].sort()) {
    const rows = byLabel.get(label)!;
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    const out = rows.length < 2 ? 0 : Math.min(rows.length - 1, Math.round(rows.length * fraction));
    heldOut.push(...rows.slice(0, out));
    train.push(...rows.slice(out));
  }
  return { train: train.sort((a, b) => a - b), heldOut: heldOut.sort((a, b) => a - b) };
}

/** Temperature that minimises held-out negative log-likelihood, by a log-spaced grid search. */
function fitTemperature(scores: Float32Array[], gold: Int32Array): number {
  let best = 1;
  let bestNll = Number.POSITIVE_INFINITY;
  for (let t = 0.25; t <= 64; t *= 1.1) {
    let nll = 0;
    for (let i = 0; i < scores.length; i++) {
      const p = softmax(scores[i]!, t)[gold[i]!]!;
      nll -= Math.log(Math.max(p, 1e-12));
    }
    if (nll < bestNll) {
      bestNll = nll;
      best = t;
    }
  }
  return best;
}

/**
 * Threshold on the top probability that maximises held-out accuracy when rows labelled oos exist
 * (an oos row is right when predicted oos, either as the learnt class or by the threshold).
 */
function fitOosThreshold(probabilities: Float32Array[], gold: Int32Array, oosIndex: number): number {
  const rows = probabilities.map((p, i) => {
    let top = 0;
    for (let k = 1; k < p.length; k++) if (p[k]! > p[top]!) top = k;
    return { confidence: p[top]!, top, gold: gold[i]! };
  });
  const candidates = [0, ...new Set(rows.map((r) => r.confidence))].sort((a, b) => a - b);
  let best = 0;
  let bestCorrect = -1;
  for (const threshold of candidates) {
    let correct = 0;
    for (const r of rows) {
      const predicted = r.confidence < threshold ? oosIndex : r.top;
      if (predicted === r.gold) correct++;
    }
    if (correct > bestCorrect) {
      bestCorrect = correct;
      best = threshold;
    }
  }
  return best;
}

export function trainClassifier(
  texts: readonly string[],
  labels: readonly string[],
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): IntentClassifier {
  if (texts.length !== labels.length) throw new Error('texts and labels differ in length');
  const labelSet = [...new Set(labels)].sort();
  if (labelSet.length < 2) throw new Error(`need at least two different labels, got ${labelSet.length}`);
  const labelIndex = new Map(labelSet.map((label, i) => [label, i]));
  const y = Int32Array.from(labels, (label) => labelIndex.get(label)!);
  const oosIndex = labelIndex.get(OOS_LABEL);

  let temperature = options.defaultTemperature;
  let oosThreshold = 0;
  if (texts.length >= options.minRowsForCalibration && options.validationFraction > 0) {
    const split = stratifiedSplit(labels, options.validationFraction, options.svm.seed);
    const part = fitParts(
      split.train.map((i) => texts[i]!),
      Int32Array.from(split.train, (i) => y[i]!),
      labelSet.length,
      options,
    );
    const heldOutGold = Int32Array.from(split.heldOut, (i) => y[i]!);
    const heldOutScores = split.heldOut.map((i) =>
      linearScores(part.linear, part.vectorizer.transform(texts[i]!)),
    );
    temperature = fitTemperature(heldOutScores, heldOutGold);
    if (oosIndex !== undefined) {
      const probabilities = heldOutScores.map((s) => softmax(s, temperature));
      oosThreshold = fitOosThreshold(probabilities, heldOutGold, oosIndex);
    }
  }
  const final = fitParts(texts, y, labelSet.length, options);
  return { labels: labelSet, ...final, temperature, oosThreshold, minCoverage: options.minCoverage };
}

export function classifyVector(model: IntentClassifier, x: SparseVector, topK = 3): Prediction {
  // Nothing recognised at all (gibberish, another script): there is no evidence for any intent.
  if (x.index.length === 0 || (x.coverage ?? 1) < model.minCoverage) {
    return { label: OOS_LABEL, confidence: 0, ranked: [] };
  }
  const probabilities = softmax(linearScores(model.linear, x), model.temperature);
  const order = [...probabilities.keys()].sort((a, b) => probabilities[b]! - probabilities[a]!);
  const ranked = order
    .slice(0, topK)
    .map((k) => ({ label: model.labels[k]!, probability: probabilities[k]! }));
  const top = order[0]!;
  const confidence = probabilities[top]!;
  const label = confidence < model.oosThreshold ? OOS_LABEL : model.labels[top]!;
  return { label, confidence, ranked };
}

export function classify(model: IntentClassifier, text: string, topK = 3): Prediction {
  return classifyVector(model, model.vectorizer.transform(text), topK);
}
