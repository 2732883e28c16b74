import { type ClusterOptions, type ClusterResult, clusterTexts } from './cluster-texts.js';
import { type VectoriserState, vectoriseTokens } from './text-features.js';
import { type ThemeLanguage, tokeniseFeedback } from './tokenise-feedback.js';
import { type LsaProjection, projectVector } from './truncated-svd.js';

/**
 * Incremental themes: a fitted text space plus one running centroid per theme. Pure functions over
 * plain, serialisable state (typed arrays ↔ base64 in JSON), so a store can persist it and any
 * process can assign the next item. Vocabulary and LSA space are fixed until the next refit.
 */
export interface ThemeState {
  id: number;
  label: string;
  /** Opened by an item no theme fitted; stays a draft until a reviewer validates it. */
  draft: boolean;
  count: number;
  /** Sum of the unit vectors of its items; the centroid is its direction. */
  sum: Float32Array;
}

export interface ThemeModel {
  vectoriser: VectoriserState;
  lsa: LsaProjection;
  themes: ThemeState[];
  nextId: number;
}

export const DEFAULT_ASSIGN_THRESHOLD = 0.45;

/** Clusters a corpus and keeps the space and centroids for incremental assignment. */
export function createThemeModel(
  texts: readonly string[],
  options: ClusterOptions = {},
): { model: ThemeModel; result: ClusterResult } {
  const result = clusterTexts(texts, options);
  const d = result.dims;
  const themes = result.clusters.map((c) => ({
    id: c.id,
    label: c.label,
    draft: true,
    count: c.size,
    sum: Float32Array.from(result.centroids.subarray(c.id * d, (c.id + 1) * d), (v) => v * c.size),
  }));
  return {
    model: { vectoriser: result.space.vectoriser, lsa: result.space.lsa, themes, nextId: themes.length },
    result,
  };
}

/** A text's unit vector in the model's space (all zeros when none of its words are known). */
export function embedText(model: ThemeModel, text: string, language?: ThemeLanguage): Float32Array {
  return projectVector(vectoriseTokens(tokeniseFeedback(text, language), model.vectoriser), model.lsa);
}

export interface Assignment {
  themes: ThemeState[];
  themeId: number;
  similarity: number;
  opened: boolean;
}

function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

/**
 * Puts one item into the theme whose centroid is most similar (cosine ≥ threshold), adding its
 * vector to that centroid; otherwise opens a new draft theme around it. Returns new state; the
 * input is not modified.
 */
export function assignToTheme(
  vector: Float32Array,
  themes: readonly ThemeState[],
  threshold = DEFAULT_ASSIGN_THRESHOLD,
  newTheme: { id: number; label: string } = {
    id: themes.reduce((m, t) => Math.max(m, t.id + 1), 0),
    label: '',
  },
): Assignment {
  const vn = norm(vector);
  let best = -1;
  let bestSim = Number.NEGATIVE_INFINITY;
  if (vn > 0) {
    for (let t = 0; t < themes.length; t++) {
      const sum = themes[t]!.sum;
      const sn = norm(sum);
      if (sn === 0) continue;
      let dot = 0;
      for (let j = 0; j < vector.length; j++) dot += vector[j]! * sum[j]!;
      const sim = dot / (sn * vn);
      if (sim > bestSim) [bestSim, best] = [sim, t];
    }
  }
  const unit = Float32Array.from(vector, (v) => (vn > 0 ? v / vn : 0));
  if (best >= 0 && bestSim >= threshold) {
    const old = themes[best]!;
    const sum = Float32Array.from(old.sum, (v, j) => v + unit[j]!);
    const next = themes.slice();
    next[best] = { ...old, sum, count: old.count + 1 };
    return { themes: next, themeId: old.id, similarity: bestSim, opened: false };
  }
  const opened: ThemeState = { id: newTheme.id, label: newTheme.label, draft: true, count: 1, sum: unit };
  return { themes: [...themes, opened], themeId: opened.id, similarity: Math.max(0, bestSim), opened: true };
}

/** Assigns a text through the model, labelling a newly opened theme with the text's own words. */
export function assignText(
  model: ThemeModel,
  text: string,
  threshold = DEFAULT_ASSIGN_THRESHOLD,
  language?: ThemeLanguage,
): { model: ThemeModel; assignment: Assignment } {
  const label = tokeniseFeedback(text, language).surfaces.slice(0, 4).join(' ') || '(no words)';
  const assignment = assignToTheme(embedText(model, text, language), model.themes, threshold, {
    id: model.nextId,
    label,
  });
  return {
    model: { ...model, themes: assignment.themes, nextId: model.nextId + (assignment.opened ? 1 : 0) },
    assignment,
  };
}

// JSON: typed arrays as {"$f32": base64} / {"$i32": base64}.
function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Float32Array)
    return { $f32: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (value instanceof Int32Array)
    return { $i32: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object') {
    const v = value as { $f32?: string; $i32?: string };
    if (typeof v.$f32 === 'string') {
      const b = Buffer.from(v.$f32, 'base64');
      return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    }
    if (typeof v.$i32 === 'string') {
      const b = Buffer.from(v.$i32, 'base64');
      return new Int32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    }
  }
  return value;
}

export function serializeThemeModel(model: ThemeModel): string {
  return JSON.stringify(model, replacer);
}

export function parseThemeModel(json: string): ThemeModel {
  return JSON.parse(json, reviver) as ThemeModel;
}
