import { useState } from 'react';
import { FieldError, TextField } from './persona-fields';
import {
  CORPUS_KINDS,
  type CorpusPassage,
  newPassageId,
  PERSONA_LANGUAGES,
  type Persona,
} from './persona-model';

/** The founder's statements the persona may answer from: add, edit, remove. */
export function CorpusEditor({
  persona,
  errors,
  onChange,
}: {
  persona: Persona;
  errors: ReadonlyMap<string, string>;
  onChange: (corpus: CorpusPassage[]) => void;
}) {
  const corpus = persona.corpus;
  // Which passages are expanded: a new one opens for typing; one the server refused opens to show why.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string, open: boolean) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
  const update = (i: number, patch: Partial<CorpusPassage>) =>
    onChange(corpus.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const err = (i: number, field: string) => errors.get(`corpus.${i}.${field}`);

  return (
    <fieldset className="subsection" data-testid="corpus">
      <legend>
        Corpus <span className="count">{corpus.length}</span>
      </legend>
      <p className="hint">
        What the real founder said (interviews, posts, all-hands). The persona answers only from these and
        keeps the passage id on each turn.
      </p>
      <FieldError id="persona-corpus-error" message={errors.get('corpus')} />
      {corpus.map((p, i) => {
        const invalid = [...errors.keys()].some((k) => k.startsWith(`corpus.${i}.`));
        return (
          <details
            key={p.id}
            className="details persona-passage"
            open={invalid || expanded.has(p.id)}
            onToggle={(e) => toggle(p.id, e.currentTarget.open)}
            data-passage-id={p.id}
          >
            <summary>
              {p.title || 'Untitled passage'}{' '}
              <span className="muted small">
                {p.kind} · {p.language.toUpperCase()} · {p.id}
              </span>
              {invalid ? <span className="badge badge-danger">Check</span> : null}
            </summary>
            <div className="form-grid">
              <TextField
                id={`passage-title-${i}`}
                label="Title"
                value={p.title}
                error={err(i, 'title')}
                onChange={(v) => update(i, { title: v })}
              />
              <div className="field">
                <label htmlFor={`passage-kind-${i}`}>Kind</label>
                <select
                  id={`passage-kind-${i}`}
                  value={p.kind}
                  onChange={(e) => update(i, { kind: e.target.value as CorpusPassage['kind'] })}
                >
                  {CORPUS_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {k}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`passage-language-${i}`}>Language</label>
                <select
                  id={`passage-language-${i}`}
                  value={p.language}
                  onChange={(e) => update(i, { language: e.target.value })}
                >
                  {PERSONA_LANGUAGES.map((l) => (
                    <option key={l} value={l}>
                      {l.toUpperCase()}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <TextField
              id={`passage-text-${i}`}
              label="What they said"
              multiline
              value={p.text}
              error={err(i, 'text')}
              onChange={(v) => update(i, { text: v })}
            />
            <TextField
              id={`passage-source-${i}`}
              label="Source"
              hint="Where and when it was said"
              value={p.source}
              error={err(i, 'source')}
              onChange={(v) => update(i, { source: v })}
            />
            <button
              type="button"
              className="btn btn-secondary btn-small"
              onClick={() => onChange(corpus.filter((_, j) => j !== i))}
            >
              Remove “{p.title || 'untitled passage'}”
            </button>
          </details>
        );
      })}
      <button
        type="button"
        className="btn btn-secondary btn-small persona-add"
        onClick={() => {
          const id = newPassageId(persona);
          toggle(id, true);
          onChange([
            ...corpus,
            {
              id,
              kind: 'faq',
              language: persona.languages[0] ?? 'en',
              title: '',
              text: '',
              source: '',
            },
          ]);
        }}
      >
        Add passage
      </button>
    </fieldset>
  );
}
