import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { CopyButton, ErrorBanner, Loading, StatusBadge } from '../../components';
import { formatDateTime } from '../../format';
import { useApi, useSubmit } from '../../use-api';
import { API_SCOPES, type ApiKeyRecord } from './types';

export function ApiKeysPage() {
  const list = useApi<{ apiKeys: ApiKeyRecord[] }>('/api/v1/admin/api-keys');
  const [created, setCreated] = useState<{ apiKey: ApiKeyRecord; secret: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const keys = list.data?.apiKeys ?? [];

  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title" className="section-title">
        API keys {list.data ? <span className="count">{keys.length}</span> : null}
      </h2>
      <p className="muted">
        Keys let other systems call Tandem (for example a checkout scoring transactions). Give each key only
        the scopes it needs, and revoke keys you no longer use.
      </p>

      {created ? (
        <SecretPanel
          name={created.apiKey.name}
          secret={created.secret}
          onDone={() => {
            setCreated(null);
          }}
        />
      ) : (
        <CreateKeyForm
          onCreated={(res) => {
            setNotice(null);
            setCreated(res);
            list.reload();
          }}
        />
      )}

      {notice ? (
        <div className="alert alert-success" role="status">
          {notice}
        </div>
      ) : null}
      {list.error ? <ErrorBanner error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && keys.length === 0 ? <p className="muted">No API keys yet.</p> : null}
      {keys.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="api-keys-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Prefix</th>
                <th scope="col">Scopes</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <KeyRow
                  key={k.id}
                  apiKey={k}
                  onRevoked={() => {
                    setNotice(`Revoked ${k.name}.`);
                    list.reload();
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function SecretPanel({ name, secret, onDone }: { name: string; secret: string; onDone(): void }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section
      className="card secret-panel"
      aria-labelledby="secret-title"
      tabIndex={-1}
      ref={ref}
      data-testid="api-key-secret-panel"
    >
      <h3 id="secret-title">API key “{name}” created</h3>
      <p>
        <strong>Copy the secret now. It is shown only once</strong>: Tandem stores only a hash and cannot show
        it again.
      </p>
      <div className="secret-row">
        <code className="secret" data-testid="api-key-secret">
          {secret}
        </code>
        <CopyButton text={secret} label="Copy secret" />
      </div>
      <div className="button-row">
        <button type="button" className="btn btn-primary" onClick={onDone}>
          I have stored the secret
        </button>
      </div>
    </section>
  );
}

function CreateKeyForm({ onCreated }: { onCreated(res: { apiKey: ApiKeyRecord; secret: string }): void }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const { busy: saving, error, setError, run } = useSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (scopes.length === 0) {
      setError('Pick at least one scope.');
      return;
    }
    await run(async () => {
      const res = await api<{ apiKey: ApiKeyRecord; secret: string }>('/api/v1/admin/api-keys', {
        method: 'POST',
        body: { name: name.trim(), scopes },
      });
      setName('');
      setScopes([]);
      onCreated(res);
    });
  }

  return (
    <form className="card form-card" onSubmit={onSubmit} aria-labelledby="create-key-title">
      <h3 id="create-key-title">Create an API key</h3>
      <div className="field">
        <label htmlFor="new-key-name">Name</label>
        <input
          id="new-key-name"
          required
          maxLength={120}
          placeholder="e.g. Checkout risk scoring"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <fieldset className="checkbox-group">
        <legend>Scopes</legend>
        {API_SCOPES.map(({ scope, description }) => (
          <label key={scope} className="checkbox" htmlFor={`scope-${scope}`}>
            <input
              id={`scope-${scope}`}
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(e) =>
                setScopes(e.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))
              }
            />
            <code>{scope}</code> <span className="muted small">{description}</span>
          </label>
        ))}
      </fieldset>
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? 'Creating…' : 'Create API key'}
        </button>
      </div>
    </form>
  );
}

function KeyRow({ apiKey, onRevoked }: { apiKey: ApiKeyRecord; onRevoked(): void }) {
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useSubmit();

  function revoke() {
    return run(async () => {
      await api(`/api/v1/admin/api-keys/${apiKey.id}`, { method: 'DELETE' });
      setConfirming(false);
      onRevoked();
    });
  }

  return (
    <tr data-key-name={apiKey.name}>
      <td>
        <strong>{apiKey.name}</strong>
      </td>
      <td>
        <code>{apiKey.prefix}…</code>
      </td>
      <td>
        <ul className="inline-list">
          {apiKey.scopes.map((s) => (
            <li key={s}>
              <code>{s}</code>
            </li>
          ))}
        </ul>
      </td>
      <td>{formatDateTime(apiKey.createdAt)}</td>
      <td>{apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt) : <span className="muted">Never</span>}</td>
      <td>
        {apiKey.revokedAt ? (
          <StatusBadge status="revoked" label={`Revoked ${formatDateTime(apiKey.revokedAt)}`} />
        ) : (
          <StatusBadge status="active" />
        )}
      </td>
      <td className="cell-action">
        {apiKey.revokedAt ? null : confirming ? (
          <span className="button-row">
            <button type="button" className="btn btn-danger btn-small" onClick={revoke} disabled={busy}>
              {busy ? 'Revoking…' : 'Confirm revoke'}
            </button>
            <button
              type="button"
              className="btn btn-secondary btn-small"
              onClick={() => setConfirming(false)}
            >
              Cancel
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="btn btn-secondary btn-small"
            aria-label={`Revoke ${apiKey.name}`}
            onClick={() => setConfirming(true)}
          >
            Revoke
          </button>
        )}
        {error ? (
          <div className="alert alert-error small" role="alert">
            {error}
          </div>
        ) : null}
      </td>
    </tr>
  );
}
