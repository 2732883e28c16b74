import { useState } from 'react';
import { api } from '../../api';
import { ErrorBanner, Loading } from '../../components';
import { useApi } from '../../use-api';
import { PersonaForm } from './PersonaForm';
import { type Persona, personasFrom } from './persona-model';

/** `/admin/personas`: the founder-hotline personas, edited by an admin and saved as a whole (PUT). */
export function PersonasPage() {
  const list = useApi<unknown>('/api/v1/hotline/personas');
  const personas = personasFrom(list.data);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const persona = personas.find((p) => p.id === selected) ?? personas[0];

  return (
    <section aria-labelledby="personas-title">
      <div className="section-head">
        <h2 id="personas-title" className="section-title">
          Hotline personas
        </h2>
        {personas.length > 1 ? (
          <div className="field field-inline">
            <label htmlFor="persona-select">Persona</label>
            <select id="persona-select" value={persona?.id} onChange={(e) => setSelected(e.target.value)}>
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
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && !persona ? <p className="muted">No personas are configured.</p> : null}
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
