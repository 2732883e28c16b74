import { describe, expect, it } from 'vitest';
import { generateFeedback, SYNTHETIC_THEMES } from './synthetic-feedback.js';
import {
  assignText,
  assignToTheme,
  createThemeModel,
  parseThemeModel,
  serializeThemeModel,
} from './theme-model.js';

describe('incremental themes', () => {
  const themes = SYNTHETIC_THEMES.filter((t) =>
    ['card_declined_checkout', 'app_crash_login', 'delivery_late'].includes(t.theme),
  );
  const items = generateFeedback(300, 4, themes);
  const { model, result } = createThemeModel(
    items.map((i) => i.text),
    { seed: 1 },
  );

  it('adds a new item about a known problem to that theme and moves its centroid', () => {
    const cardTheme = result.assignments[items.findIndex((i) => i.theme === 'card_declined_checkout')]!;
    const before = model.themes.find((t) => t.id === cardTheme)!;
    const { model: next, assignment } = assignText(model, 'kortet nekades i kassan hos Apotea');
    expect(assignment.opened).toBe(false);
    expect(assignment.themeId).toBe(cardTheme);
    const after = next.themes.find((t) => t.id === cardTheme)!;
    expect(after.count).toBe(before.count + 1);
    expect(Array.from(after.sum)).not.toEqual(Array.from(before.sum));
    // Pure: the input model is unchanged.
    expect(model.themes.find((t) => t.id === cardTheme)!.count).toBe(before.count);
  });

  it('opens a new draft theme for an unrelated text', () => {
    const { model: next, assignment } = assignText(model, 'the museum audio guide was lovely');
    expect(assignment.opened).toBe(true);
    expect(next.themes).toHaveLength(model.themes.length + 1);
    const opened = next.themes.at(-1)!;
    expect(opened).toMatchObject({ id: model.nextId, draft: true, count: 1 });
    expect(next.nextId).toBe(model.nextId + 1);
  });

  it('assignToTheme respects the threshold', () => {
    const unit = new Float32Array([1, 0]);
    const existing = [{ id: 0, label: 'x', draft: false, count: 3, sum: new Float32Array([3, 3]) }];
    expect(assignToTheme(unit, existing, 0.7).opened).toBe(false); // cos 0.707
    expect(assignToTheme(unit, existing, 0.8).opened).toBe(true);
  });

  it('survives a JSON round trip and assigns the same way afterwards', () => {
    const copy = parseThemeModel(serializeThemeModel(model));
    expect(copy.lsa.projection).toBeInstanceOf(Float32Array);
    const text = 'my delivery from IKEA is late';
    expect(assignText(copy, text).assignment.themeId).toBe(assignText(model, text).assignment.themeId);
  });
});
