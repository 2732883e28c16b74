import { loadSentimentModel } from '../../assistant/sentiment/sentiment-model-file.js';
import type { InsightsConfig } from '../../platform/config.js';
import type { FeedbackExtractor } from './extract-feedback.js';
import { loadProductTaxonomy } from './product-areas.js';

/** The committed sentiment model and the configured taxonomy (a bad taxonomy file fails here, at start). */
export async function loadFeedbackExtractor(
  config: Pick<InsightsConfig, 'taxonomyFile'>,
): Promise<FeedbackExtractor> {
  const taxonomy = config.taxonomyFile ? loadProductTaxonomy(config.taxonomyFile) : loadProductTaxonomy();
  return { sentiment: await loadSentimentModel(), taxonomy };
}
