// Entry point: `npm run train:intents` retrains models/intents.bin from training-set.csv.
import { intentModelPath } from './load-intent-model.js';
import { trainIntentModel, writeIntentModel } from './train-intent-model.js';

const out = process.argv[2] ?? intentModelPath();
const { model, trainingMs } = await trainIntentModel();
const bytes = await writeIntentModel(out, model);
console.log(
  `trained ${model.classifier.labels.length} intents on ${model.meta.rows} rows in ${(trainingMs / 1000).toFixed(1)} s; ` +
    `wrote ${out} (${(bytes / 1024).toFixed(0)} KiB, training data sha256 ${model.meta.trainingDataSha256.slice(0, 12)}…)`,
);
