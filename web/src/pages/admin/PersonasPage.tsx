import { useState } from 'react';
import { api } from '../../api';
import { ErrorBanner, Loading } from '../../components';
import { useApi } from '../../use-api';
import { PersonaForm } from './PersonaForm';
import { type Persona, personaFrom, personasFrom } from './persona-model';

/** `/admin/personas`: the founder-hotline personas, edited by an admin and saved as a whole (PUT). */
export function PersonasPage() {
  const list = useApi<unknown>('/api/v1/hotline/personas');
  const personas = personasFrom(list.data);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const summary = personas.find((p) => p.id === selected) ?? personas[0];
  // The list leaves out the corpus and texts: the form edits the whole persona, fetched by id.
  const one = useApi<unknown>(summary ? `/api/v1/hotline/personas/${encodeURIComponent(summary.id)}` : null);
  const loaded = personaFrom(one.data);
  const persona = loaded && loaded.id === summary?.id ? loaded : undefined;

  return (
    <section aria-labelledby="personas-title">
      <div className="section-head">
        <h2 id="personas-title" className="section-title">
          Hotline personas
        </h2>
        {personas.length > 1 ? (
          <div className="field field-inline">
            <label htmlFor="persona-select">Persona</label>
            <select id="persona-select" value={summary?.id} onChange={(e) => setSelected(e.target.value)}>
              {personas.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.company})
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      <p className="muted">
        The AI version of a founder that answers the hotline. It speaks only from the corpus below and always
        opens with the disclosure. Every change is recorded in the audit log.
      </p>
      {list.error ? <ErrorBanner error={list.error} onRetry={list.reload} /> : null}
      {one.error ? <ErrorBanner error={one.error} onRetry={one.reload} /> : null}
      {(list.loading && !list.data) || (summary && !persona && !one.error) ? <Loading /> : null}
      {list.data && !summary ? <p className="muted">No personas are configured.</p> : null}
      {persona ? (
        <PersonaForm
          key={persona.id}
          initial={persona}
          onSave={async (next) => {
            const res = await api<{ persona?: Persona } | null>(
              `/api/v1/hotline/personas/${encodeURIComponent(next.id)}`,
              { method: 'PUT', body: next },
            );
            return res?.persona ?? next;
          }}
        />
      ) : null}
    </section>
  );
}
