/**
 * Themes benchmark.
 * (a) banking77 test.csv (3,080 texts, 77 intents): Tandem's theme clustering (automatic k, and k=77
 *     fixed) against a plain k-means baseline (k=77, k-means++ on the same TF-IDF rows, no LSA, no
 *     merging), NMI and ARI against the true intents, over seeds 1-3, all in this run.
 * (b) throughput: 100,000 synthetic en/sv feedback texts with 8 known themes through tokenising,
 *     features, LSA and clustering, then incremental assignment of 20,000 more; items/s, peak RSS.
 *
 *   npm run bench:insights
 *   npm run bench:insights -- --rows 20000 --data-dir ../shared/data/banking77
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readLabelledCsv } from '../src/assistant/nlu/csv.js';
import { extractFeedback } from '../src/insights/feedback/extract-feedback.js';
import { loadFeedbackExtractor } from '../src/insights/feedback/load-feedback-extractor.js';
import { adjustedRandIndex, normalizedMutualInformation } from '../src/insights/themes/cluster-metrics.js';
import { clusterTexts } from '../src/insights/themes/cluster-texts.js';
import { assignRows, sparseRows, sphericalKMeans } from '../src/insights/themes/spherical-kmeans.js';
import { generateFeedback } from '../src/insights/themes/synthetic-feedback.js';
import {
  DEFAULT_VECTORISER_OPTIONS,
  fitVectoriser,
  hashAll,
  vectoriseAll,
} from '../src/insights/themes/text-features.js';
import { assignText, createThemeModel } from '../src/insights/themes/theme-model.js';
import { tokeniseFeedback } from '../src/insights/themes/tokenise-feedback.js';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: join(import.meta.dirname, '../../shared/data/banking77') },
    rows: { type: 'string', default: '100000' },
    seeds: { type: 'string', default: '3' },
  },
});

const seconds = (from: number) => (performance.now() - from) / 1000;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const fmt = (xs: number[]) =>
  `${mean(xs).toFixed(3)} (${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)})`;

const data = await readLabelledCsv(join(values['data-dir']!, 'test.csv'), {
  textColumn: 'text',
  labelColumn: 'category',
});
console.log(`banking77 test: ${data.texts.length} texts, ${new Set(data.labels).size} intents`);
const seeds = Array.from({ length: Number(values.seeds) }, (_, i) => i + 1);
type Row = { method: string; clusters: number[]; nmi: number[]; ari: number[]; time: number[] };
const rows: Row[] = [
  { method: 'k-means baseline (TF-IDF, k=77)', clusters: [], nmi: [], ari: [], time: [] },
  { method: 'Tandem themes, k=77 fixed', clusters: [], nmi: [], ari: [], time: [] },
  { method: 'Tandem themes, automatic k', clusters: [], nmi: [], ari: [], time: [] },
];
for (const seed of seeds) {
  let t = performance.now();
  // Baseline: same tokens and TF-IDF rows, spherical k-means++ directly on the sparse rows.
  const hashed = hashAll(
    data.texts.map((text) => tokeniseFeedback(text)),
    DEFAULT_VECTORISER_OPTIONS,
  );
  const source = sparseRows(vectoriseAll(hashed, fitVectoriser(hashed)));
  const fitted = sphericalKMeans(source, 77, { seed });
  const base = Array.from(assignRows(source, fitted.centroids, fitted.k).assignments);
  const record = (row: Row, assignments: number[], clusters: number, time: number) => {
    row.clusters.push(clusters);
    row.nmi.push(normalizedMutualInformation(data.labels, assignments));
    row.ari.push(adjustedRandIndex(data.labels, assignments));
    row.time.push(time);
  };
  record(rows[0]!, base, fitted.k, seconds(t));
  t = performance.now();
  const fixed = clusterTexts(data.texts, { k: 77, seed });
  record(rows[1]!, fixed.assignments, fixed.clusters.length, seconds(t));
  t = performance.now();
  const auto = clusterTexts(data.texts, { seed });
  record(rows[2]!, auto.assignments, auto.clusters.length, seconds(t));
  if (seed === 1) {
    console.log('Largest automatic themes (seed 1):');
    for (const c of auto.clusters.slice(0, 6)) console.log(`  ${String(c.size).padStart(4)}  ${c.label}`);
  }
}
console.log(`\n(a) banking77, mean (min–max) over seeds ${seeds.join(', ')}`);
console.log(
  `${'method'.padEnd(34)} ${'clusters'.padEnd(9)} ${'NMI'.padEnd(20)} ${'ARI'.padEnd(20)} time/run`,
);
for (const r of rows) {
  console.log(
    `${r.method.padEnd(34)} ${mean(r.clusters).toFixed(0).padEnd(9)} ${fmt(r.nmi).padEnd(20)} ${fmt(r.ari).padEnd(20)} ${mean(r.time).toFixed(2)} s`,
  );
}

const n = Number(values.rows);
const items = generateFeedback(n + 20_000, 7);
const texts = items.slice(0, n).map((i) => i.text);
const truth = items.slice(0, n).map((i) => i.theme);
// Extraction first, as in the product: redaction, language, kind, product area, sentiment, urgency.
const extractor = await loadFeedbackExtractor({ taxonomyFile: undefined });
let t = performance.now();
let extracted = 0;
for (const text of texts) if (extractFeedback(extractor, text)) extracted++;
const extractTime = seconds(t);
t = performance.now();
const { model, result } = createThemeModel(texts, { seed: 1 });
const clusterTime = seconds(t);
t = performance.now();
let current = model;
let opened = 0;
for (const item of items.slice(n)) {
  const step = assignText(current, item.text);
  current = step.model;
  if (step.assignment.opened) opened++;
}
const assignTime = seconds(t);
const peak = process.resourceUsage().maxRSS / 1024;
console.log(`\n(b) throughput on ${n.toLocaleString('en')} synthetic en/sv texts (8 known themes), 1 thread`);
console.log(`${'stage'.padEnd(44)} items/s   time`);
console.log(
  `${'extraction (redact, language, kind, area, sentiment)'.padEnd(44)} ${Math.round(n / extractTime)
    .toString()
    .padEnd(9)} ${extractTime.toFixed(1)} s  (${extracted.toLocaleString('en')} items)`,
);
console.log(
  `${'tokenise + TF-IDF + LSA + k-means + labels'.padEnd(44)} ${Math.round(n / clusterTime)
    .toString()
    .padEnd(9)} ${clusterTime.toFixed(1)} s` +
    `  (features+LSA ${(result.timings.featuresMs / 1000).toFixed(1)} s, clustering ${(result.timings.clusterMs / 1000).toFixed(1)} s, labels ${(result.timings.labelMs / 1000).toFixed(1)} s)`,
);
console.log(
  `${'incremental assignment (20,000 more)'.padEnd(44)} ${Math.round(20_000 / assignTime)
    .toString()
    .padEnd(9)} ${assignTime.toFixed(1)} s  (${opened} new draft themes)`,
);
console.log(
  `${'extraction + clustering'.padEnd(44)} ${Math.round(n / (extractTime + clusterTime))
    .toString()
    .padEnd(9)} ${(extractTime + clusterTime).toFixed(1)} s`,
);
console.log(
  `themes: ${result.clusters.length}; NMI ${normalizedMutualInformation(truth, result.assignments).toFixed(3)}, ARI ${adjustedRandIndex(truth, result.assignments).toFixed(3)} against the 8 generated themes; peak RSS ${peak.toFixed(0)} MB`,
);
