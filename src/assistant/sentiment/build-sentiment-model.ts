// Entry point: `npm run train:sentiment` retrains models/sentiment.bin from training-set.csv.
import { sentimentModelPath } from './sentiment-model-file.js';
import { trainSentimentModel, writeSentimentModel } from './train-sentiment-model.js';

const out = process.argv[2] ?? sentimentModelPath();
const { model, trainingMs } = await trainSentimentModel();
const bytes = await writeSentimentModel(out, model);
console.log(
  `trained sentiment on ${model.meta.rows} rows in ${(trainingMs / 1000).toFixed(1)} s; ` +
    `wrote ${out} (${(bytes / 1024).toFixed(0)} KiB, training data sha256 ${model.meta.trainingDataSha256.slice(0, 12)}…)`,
);
