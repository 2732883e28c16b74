import { type FormEvent, useState } from 'react';
import { api } from '../../api';
import { useUser } from '../../auth';
import { ErrorBanner, Loading, StatusBadge } from '../../components';
import { formatDateTime } from '../../format';
import { ROLE_LABELS, roleLabel, STAFF_ROLES, type StaffRole } from '../../roles';
import { useApi, useSubmit } from '../../use-api';
import type { StaffRecord } from './types';

function RoleCheckboxes({
  idPrefix,
  value,
  onChange,
  legend,
}: {
  idPrefix: string;
  value: string[];
  onChange(roles: string[]): void;
  legend: string;
}) {
  return (
    <fieldset className="checkbox-group">
      <legend>{legend}</legend>
      {STAFF_ROLES.map((role) => (
        <label key={role} className="checkbox" htmlFor={`${idPrefix}-${role}`}>
          <input
            id={`${idPrefix}-${role}`}
            type="checkbox"
            value={role}
            checked={value.includes(role)}
            onChange={(e) => onChange(e.target.checked ? [...value, role] : value.filter((r) => r !== role))}
          />
          {ROLE_LABELS[role as StaffRole]}
        </label>
      ))}
    </fieldset>
  );
}

export function StaffUsersPage() {
  const list = useApi<{ staff: StaffRecord[] }>('/api/v1/admin/staff');
  const [notice, setNotice] = useState<string | null>(null);
  const staff = list.data?.staff ?? [];

  return (
    <section aria-labelledby="staff-title">
      <div className="section-head">
        <h2 id="staff-title" className="section-title">
          Staff users {list.data ? <span className="count">{staff.length}</span> : null}
        </h2>
      </div>
      {notice ? (
        <div className="alert alert-success" role="status" data-testid="staff-notice">
          {notice}
        </div>
      ) : null}

      <CreateStaffForm
        onCreated={(created) => {
          setNotice(`Created ${created.name} (${created.email}).`);
          list.reload();
        }}
      />

      {list.error ? <ErrorBanner error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {staff.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="staff-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Roles</th>
                <th scope="col">Status</th>
                <th scope="col">Last login</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {staff.map((s) => (
                <StaffRow
                  key={s.id}
                  staff={s}
                  onSaved={(msg) => {
                    setNotice(msg);
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

function StaffRow({ staff, onSaved }: { staff: StaffRecord; onSaved(message: string): void }) {
  const me = useUser();
  const [editing, setEditing] = useState(false);
  const [roles, setRoles] = useState<string[]>(staff.roles);
  const [status, setStatus] = useState(staff.status);
  const { busy: saving, error, setError, run } = useSubmit();
  const unlock = useSubmit();
  const locked = staff.lockedUntil && new Date(staff.lockedUntil).getTime() > Date.now();
  const isMe = staff.id === me.id;

  async function save() {
    const body: { roles?: string[]; status?: string } = {};
    if ([...roles].sort().join() !== [...staff.roles].sort().join()) body.roles = roles;
    if (status !== staff.status) body.status = status;
    if (Object.keys(body).length === 0) {
      setEditing(false);
      return;
    }
    await run(async () => {
      await api(`/api/v1/admin/staff/${staff.id}`, { method: 'PATCH', body });
      setEditing(false);
      onSaved(`Saved changes to ${staff.name}.`);
    });
  }

  return (
    <>
      <tr data-email={staff.email}>
        <td>
          <strong>{staff.name}</strong>
          {isMe ? <span className="muted small"> (you)</span> : null}
        </td>
        <td>{staff.email}</td>
        <td>{staff.roles.map(roleLabel).join(', ')}</td>
        <td>
          <StatusBadge status={staff.status} />
          {locked ? <StatusBadge status="locked" label="Locked" /> : null}
          {locked ? (
            <button
              type="button"
              className="btn btn-secondary btn-small"
              aria-label={`Unlock ${staff.name}`}
              disabled={unlock.busy}
              onClick={() =>
                unlock.run(async () => {
                  await api(`/api/v1/admin/staff/${staff.id}`, { method: 'PATCH', body: { unlock: true } });
                  onSaved(`Unlocked ${staff.name}.`);
                })
              }
            >
              Unlock
            </button>
          ) : null}
          {unlock.error ? (
            <div className="alert alert-error" role="alert">
              {unlock.error}
            </div>
          ) : null}
        </td>
        <td>
          {staff.lastLoginAt ? formatDateTime(staff.lastLoginAt) : <span className="muted">Never</span>}
        </td>
        <td className="cell-action">
          <button
            type="button"
            className="btn btn-secondary btn-small"
            aria-expanded={editing}
            aria-controls={`edit-${staff.id}`}
            aria-label={`Edit ${staff.name}`}
            onClick={() => {
              setRoles(staff.roles);
              setStatus(staff.status);
              setError(null);
              setEditing((v) => !v);
            }}
          >
            {editing ? 'Close' : 'Edit'}
          </button>
        </td>
      </tr>
      {editing ? (
        <tr className="edit-row" id={`edit-${staff.id}`}>
          <td colSpan={6}>
            <div className="edit-panel">
              <RoleCheckboxes
                idPrefix={`roles-${staff.id}`}
                legend={`Roles for ${staff.name}`}
                value={roles}
                onChange={setRoles}
              />
              <div className="field field-inline">
                <label htmlFor={`status-${staff.id}`}>Status</label>
                <select
                  id={`status-${staff.id}`}
                  value={status}
                  onChange={(e) => setStatus(e.target.value as StaffRecord['status'])}
                  disabled={isMe}
                >
                  <option value="active">Active</option>
                  <option value="disabled">Disabled</option>
                </select>
                {isMe ? <span className="muted small">You cannot disable yourself.</span> : null}
              </div>
              {error ? (
                <div className="alert alert-error" role="alert">
                  {error}
                </div>
              ) : null}
              <div className="button-row">
                <button
                  type="button"
                  className="btn btn-primary"
                  onClick={save}
                  disabled={saving || roles.length === 0}
                >
                  {saving ? 'Saving…' : 'Save changes'}
                </button>
                <button type="button" className="btn btn-secondary" onClick={() => setEditing(false)}>
                  Cancel
                </button>
                {roles.length === 0 ? <span className="muted small">Pick at least one role.</span> : null}
              </div>
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}

function CreateStaffForm({ onCreated }: { onCreated(staff: StaffRecord): void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>(['agent']);
  const { busy: saving, error, setError, run } = useSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (roles.length === 0) {
      setError('Pick at least one role.');
      return;
    }
    await run(async () => {
      const res = await api<{ staff: StaffRecord }>('/api/v1/admin/staff', {
        method: 'POST',
        body: { name: name.trim(), email: email.trim(), password, roles },
      });
      setName('');
      setEmail('');
      setPassword('');
      setRoles(['agent']);
      setOpen(false);
      onCreated(res.staff);
    });
  }

  if (!open) {
    return (
      <p>
        <button type="button" className="btn btn-primary" onClick={() => setOpen(true)}>
          Add staff user
        </button>
      </p>
    );
  }

  return (
    <form className="card form-card" onSubmit={onSubmit} aria-labelledby="create-staff-title">
      <h3 id="create-staff-title">Add a staff user</h3>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="new-staff-name">Name</label>
          <input id="new-staff-name" required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="new-staff-email">Email</label>
          <input
            id="new-staff-email"
            type="email"
            required
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="new-staff-password">Initial password</label>
          <input
            id="new-staff-password"
            type="password"
            required
            minLength={10}
            autoComplete="new-password"
            aria-describedby="new-staff-password-hint"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <span id="new-staff-password-hint" className="hint">
            At least 10 characters. Share it with the person through a safe channel.
          </span>
        </div>
      </div>
      <RoleCheckboxes idPrefix="new-staff-role" legend="Roles" value={roles} onChange={setRoles} />
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? 'Creating…' : 'Create staff user'}
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
