import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../api';
import { CorpusEditor } from './CorpusEditor';
import { FieldError, TextField } from './persona-fields';
import {
  fieldErrors,
  fieldLabel,
  type HotlineNumber,
  optionalNumber,
  PERSONA_LANGUAGES,
  type Persona,
  type VoiceSettings,
} from './persona-model';

/** The whole persona as one form; the server validates it (zod) and names the fields it refuses. */
export function PersonaForm({
  initial,
  onSave,
}: {
  initial: Persona;
  onSave: (p: Persona) => Promise<Persona>;
}) {
  // What the server has: the loaded persona, then what each save returned ("Discard" goes back to it).
  const [base, setBase] = useState<Persona>(initial);
  const [persona, setPersona] = useState<Persona>(initial);
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | undefined>(undefined);

  // The Save button is at the bottom of a long form: move to the errors so they are seen (and read out).
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) alertRef.current?.focus();
  }, [problem]);

  const set = (patch: Partial<Persona>) => {
    setPersona((p) => ({ ...p, ...patch }));
    setNotice(undefined);
  };
  const setNumber = (i: number, patch: Partial<HotlineNumber>) =>
    set({ numbers: persona.numbers.map((n, j) => (j === i ? { ...n, ...patch } : n)) });
  const setVoice = (language: string, patch: Partial<VoiceSettings>) =>
    set({ voice: { ...persona.voice, [language]: { ...persona.voice[language], ...patch } } });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblem(undefined);
    setErrors(new Map());
    try {
      const stored = await onSave(persona);
      setBase(stored);
      setPersona(stored);
      setNotice('Saved. New calls use the changes at once.');
    } catch (err) {
      setProblem(errorMessage(err));
      if (err instanceof ApiError) setErrors(fieldErrors(err.details));
    } finally {
      setBusy(false);
    }
  }

  const err = (path: string) => errors.get(path);
  const others = [...errors].filter(([path]) => path);

  return (
    <form className="card form-card" onSubmit={submit} aria-labelledby="persona-form-title" noValidate>
      <h3 id="persona-form-title">
        {base.name} <span className="muted small">({base.id})</span>
      </h3>
      {problem ? (
        <div
          className="alert alert-error"
          role="alert"
          data-testid="persona-errors"
          ref={alertRef}
          tabIndex={-1}
        >
          {/* The server's message repeats every field problem: list them once, by field, instead. */}
          <p>{others.length > 0 ? 'Not saved. Fix these fields:' : problem}</p>
          {others.length > 0 ? (
            <ul>
              {others.map(([path, message]) => (
                <li key={path} data-field={path}>
                  <strong>{fieldLabel(path)}</strong>: {message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <div className="form-grid">
        <TextField
          id="persona-name"
          label="Name"
          value={persona.name}
          error={err('name')}
          onChange={(v) => set({ name: v })}
        />
        <TextField
          id="persona-company"
          label="Company"
          value={persona.company}
          error={err('company')}
          onChange={(v) => set({ company: v })}
        />
        <TextField
          id="persona-title"
          label="Title"
          value={persona.title}
          error={err('title')}
          onChange={(v) => set({ title: v })}
        />
      </div>

      <fieldset className="checkbox-group">
        <legend>Languages</legend>
        {PERSONA_LANGUAGES.map((l) => (
          <label key={l} className="checkbox">
            <input
              type="checkbox"
              checked={persona.languages.includes(l)}
              onChange={(e) =>
                set({
                  languages: e.target.checked
                    ? [...persona.languages, l]
                    : persona.languages.filter((x) => x !== l),
                })
              }
            />
            {l.toUpperCase()}
          </label>
        ))}
        <FieldError id="persona-languages-error" message={err('languages')} />
      </fieldset>

      {persona.languages.map((l) => (
        <fieldset key={l} className="subsection" data-language={l}>
          <legend>{l.toUpperCase()}: what the persona says and sounds like</legend>
          <TextField
            id={`persona-disclosure-${l}`}
            label={`Disclosure (${l})`}
            multiline
            hint="Said first on every call: that it is an AI, that the call is recorded for the product team, and how to reach a person."
            value={persona.disclosure[l] ?? ''}
            error={err(`disclosure.${l}`)}
            onChange={(v) => set({ disclosure: { ...persona.disclosure, [l]: v } })}
          />
          <TextField
            id={`persona-human-${l}`}
            label={`Human contact (${l})`}
            value={persona.humanContact[l] ?? ''}
            error={err(`humanContact.${l}`)}
            onChange={(v) => set({ humanContact: { ...persona.humanContact, [l]: v } })}
          />
          <div className="form-grid">
            <TextField
              id={`persona-voice-${l}`}
              label={`Voice (${l})`}
              hint="Engine voice name, e.g. en-us+m3"
              value={persona.voice[l]?.voice ?? ''}
              error={err(`voice.${l}.voice`)}
              onChange={(v) => setVoice(l, { voice: v || undefined })}
            />
            <TextField
              id={`persona-rate-${l}`}
              label={`Speaking rate (${l})`}
              hint="Words per minute; empty for the default"
              inputMode="numeric"
              value={persona.voice[l]?.rate?.toString() ?? ''}
              error={err(`voice.${l}.rate`)}
              onChange={(v) => setVoice(l, { rate: optionalNumber(v) })}
            />
            <TextField
              id={`persona-pitch-${l}`}
              label={`Pitch (${l})`}
              inputMode="numeric"
              value={persona.voice[l]?.pitch?.toString() ?? ''}
              error={err(`voice.${l}.pitch`)}
              onChange={(v) => setVoice(l, { pitch: optionalNumber(v) })}
            />
          </div>
        </fieldset>
      ))}

      <fieldset className="subsection">
        <legend>Hotline numbers</legend>
        <FieldError id="persona-numbers-error" message={err('numbers')} />
        {persona.numbers.map((n, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the number itself changes
          <div key={i} className="form-grid" data-testid="persona-number">
            <TextField
              id={`persona-number-${i}`}
              label={`Number ${i + 1}`}
              hint="E.164, e.g. +14155550134"
              value={n.number}
              error={err(`numbers.${i}.number`)}
              onChange={(v) => setNumber(i, { number: v })}
            />
            <TextField
              id={`persona-market-${i}`}
              label={`Market ${i + 1}`}
              value={n.market}
              error={err(`numbers.${i}.market`)}
              onChange={(v) => setNumber(i, { market: v })}
            />
            <div className="field">
              <label htmlFor={`persona-number-language-${i}`}>Language {i + 1}</label>
              <select
                id={`persona-number-language-${i}`}
                value={n.language}
                onChange={(e) => setNumber(i, { language: e.target.value })}
              >
                {PERSONA_LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {l.toUpperCase()}
                  </option>
                ))}
              </select>
              <FieldError id={`persona-number-language-${i}-error`} message={err(`numbers.${i}.language`)} />
            </div>
            <div className="field persona-row-action">
              <button
                type="button"
                className="btn btn-secondary btn-small"
                onClick={() => set({ numbers: persona.numbers.filter((_, j) => j !== i) })}
                aria-label={`Remove number ${i + 1}`}
              >
                Remove
              </button>
            </div>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-secondary btn-small persona-add"
          onClick={() =>
            set({
              numbers: [
                ...persona.numbers,
                { number: '', market: '', language: persona.languages[0] ?? 'en' },
              ],
            })
          }
        >
          Add number
        </button>
      </fieldset>

      <CorpusEditor persona={persona} errors={errors} onChange={(corpus) => set({ corpus })} />

      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save persona'}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          disabled={busy}
          onClick={() => {
            setPersona(base);
            setErrors(new Map());
            setProblem(undefined);
          }}
        >
          Discard changes
        </button>
        <span role="status" className="muted" data-testid="persona-saved">
          {notice ?? ''}
        </span>
      </div>
    </form>
  );
}
