import { describe, expect, it } from 'vitest';
import { decodeModel, encodeModel, ModelFileError } from './model-file.js';
import {
  classify,
  DEFAULT_TRAIN_OPTIONS,
  OOS_LABEL,
  stratifiedSplit,
  trainClassifier,
} from './train-classifier.js';

// A tiny multilingual data set: three intents with varied wording, plus out-of-scope chatter.
const INTENTS: Record<string, string[]> = {
  refund_status: [
    'where is my refund',
    'when will I get my money back',
    'refund not received yet',
    'has my refund been processed',
    'wo ist meine Rückerstattung',
    'när får jag tillbaka pengarna',
    'mi reembolso no ha llegado',
    'I returned the shoes, where is the refund',
  ],
  payment_due: [
    'when is my next payment due',
    'what date do I have to pay',
    'how much do I owe this month',
    'next instalment date',
    'wann ist die nächste Zahlung fällig',
    'quand dois-je payer la prochaine échéance',
    'när ska jag betala nästa faktura',
    'payment schedule for my order',
  ],
  card_lost: [
    'I lost my card',
    'my card was stolen',
    'block my card please',
    'someone took my wallet with the card',
    'ich habe meine Karte verloren',
    'jag har tappat mitt kort',
    'he perdido mi tarjeta',
    'freeze my card it is missing',
  ],
};
const OOS_ROWS = [
  'what is the weather like today',
  'tell me a joke',
  'who won the football game',
  'recommend a good pizza place',
  'what time is it in Tokyo',
  'play some music',
];

function dataset(withOos: boolean) {
  const texts: string[] = [];
  const labels: string[] = [];
  for (const [label, rows] of Object.entries(INTENTS)) {
    for (const row of rows) {
      texts.push(row);
      labels.push(label);
    }
  }
  if (withOos) {
    for (const row of OOS_ROWS) {
      texts.push(row);
      labels.push(OOS_LABEL);
    }
  }
  return { texts, labels };
}

describe('trainClassifier', () => {
  const { texts, labels } = dataset(false);
  const model = trainClassifier(texts, labels);

  it('learns separable intents, including unseen phrasings, typos and other languages', () => {
    expect(classify(model, 'where is my refnud').label).toBe('refund_status');
    expect(classify(model, 'my card got stolen yesterday').label).toBe('card_lost');
    expect(classify(model, 'när är nästa betalning').label).toBe('payment_due');
    expect(classify(model, 'Karte gestohlen, bitte sperren').label).toBe('card_lost');
    expect(classify(model, 'reembolso?').label).toBe('refund_status');
  });

  it('returns probabilities that sum to one across labels, best first', () => {
    const p = classify(model, 'when is my payment due', 3);
    expect(p.ranked.map((r) => r.label)[0]).toBe('payment_due');
    const sum = p.ranked.reduce((s, r) => s + r.probability, 0);
    expect(sum).toBeCloseTo(1, 5);
    expect(p.confidence).toBe(p.ranked[0]!.probability);
  });

  it('predicts oos for gibberish and off-topic chatter when trained with oos rows', () => {
    const withOos = dataset(true);
    const oosModel = trainClassifier(withOos.texts, withOos.labels);
    expect(classify(oosModel, 'qxzv wkkj pfft').label).toBe(OOS_LABEL);
    expect(classify(oosModel, 'tell me the weather tomorrow').label).toBe(OOS_LABEL);
    expect(classify(oosModel, 'I lost my card').label).toBe('card_lost');
  });

  it('is deterministic for a seed', () => {
    const again = trainClassifier(texts, labels);
    expect(Buffer.from(again.linear.weights.buffer)).toEqual(Buffer.from(model.linear.weights.buffer));
  });

  it('tunes an oos threshold on held-out rows when the data is large enough', () => {
    // Two intents with distinct vocabularies plus noisy oos rows: enough rows for calibration.
    const t: string[] = [];
    const l: string[] = [];
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india'];
    for (let i = 0; i < 240; i++) {
      const w = words[i % words.length]!;
      const label = i % 3 === 0 ? 'refund' : i % 3 === 1 ? 'card' : OOS_LABEL;
      t.push(label === 'refund' ? `refund money ${w}` : label === 'card' ? `card lost ${w}` : `${w} ${i}`);
      l.push(label);
    }
    const m = trainClassifier(t, l, { ...DEFAULT_TRAIN_OPTIONS, minRowsForCalibration: 100 });
    expect(m.temperature).not.toBe(DEFAULT_TRAIN_OPTIONS.defaultTemperature);
    expect(m.oosThreshold).toBeGreaterThanOrEqual(0);
    expect(classify(m, 'refund money please').label).toBe('refund');
  });
});

describe('stratifiedSplit', () => {
  it('holds out about the fraction of each label and keeps singletons in training', () => {
    const labels = [...Array(20).fill('a'), ...Array(10).fill('b'), 'c'];
    const { train, heldOut } = stratifiedSplit(labels, 0.2, 3);
    expect(heldOut.filter((i) => labels[i] === 'a')).toHaveLength(4);
    expect(heldOut.filter((i) => labels[i] === 'b')).toHaveLength(2);
    expect(train.filter((i) => labels[i] === 'c')).toHaveLength(1);
    expect(new Set([...train, ...heldOut]).size).toBe(labels.length);
  });
});

describe('model file', () => {
  const { texts, labels } = dataset(true);
  const model = trainClassifier(texts, labels);
  const bytes = encodeModel(model);

  it('round-trips: the loaded model predicts like the trained one', () => {
    const loaded = decodeModel(bytes);
    expect(loaded.labels).toEqual(model.labels);
    expect(loaded.temperature).toBe(model.temperature);
    for (const text of ['where is my refund', 'ich habe meine Karte verloren', 'tell me a joke']) {
      const a = classify(model, text);
      const b = classify(loaded, text);
      expect(b.label).toBe(a.label);
      expect(b.confidence).toBeCloseTo(a.confidence, 2);
    }
  });

  it('rejects files that are not models, corrupt, or from another format version', () => {
    expect(() => decodeModel(Buffer.from('text,label\nhello,greet\n'))).toThrow(ModelFileError);
    expect(() => decodeModel(Buffer.from('text,label\n'))).toThrow(/not a Tandem NLU model/);
    const corrupt = Buffer.from(bytes);
    corrupt[Math.floor(corrupt.length / 2)]! ^= 0xff;
    expect(() => decodeModel(corrupt)).toThrow(ModelFileError);
    expect(() => decodeModel(bytes.subarray(0, bytes.length - 10))).toThrow(ModelFileError);
  });
});
