import { type ReactNode, useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from './api';
import { humanize } from './format';

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  // Move focus to the page heading on navigation so screen-reader and keyboard users land on the new page.
  useEffect(() => {
    document.title = `${title} · Tandem`;
    ref.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <div className="page-header">
      <div>
        <h1 ref={ref} tabIndex={-1}>
          {title}
        </h1>
        {description ? <p className="page-description">{description}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function ErrorBanner({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const code = error instanceof ApiError ? error.code : undefined;
  return (
    <div className="alert alert-error" role="alert" data-code={code}>
      <p>{errorMessage(error)}</p>
      {onRetry ? (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <svg aria-hidden="true" viewBox="0 0 48 48" width="48" height="48" className="empty-icon">
        <circle cx="20" cy="24" r="11" fill="none" stroke="currentColor" strokeWidth="3" />
        <circle cx="28" cy="24" r="11" fill="none" stroke="currentColor" strokeWidth="3" />
      </svg>
      <h2>{title}</h2>
      {children ? <div className="empty-body">{children}</div> : null}
    </div>
  );
}

const TONES: Record<string, string> = {
  paid: 'success',
  succeeded: 'success',
  completed: 'success',
  processed: 'success',
  active: 'info',
  scheduled: 'neutral',
  pending: 'neutral',
  open: 'warning',
  under_review: 'warning',
  requested: 'neutral',
  in_transit: 'neutral',
  received: 'info',
  late: 'danger',
  failed: 'danger',
  defaulted: 'danger',
  locked: 'danger',
  disabled: 'danger',
  revoked: 'danger',
  paused: 'warning',
  partially_refunded: 'warning',
  refunded: 'neutral',
  cancelled: 'neutral',
  waived: 'neutral',
  withdrawn: 'neutral',
  resolved_customer: 'success',
  resolved_merchant: 'neutral',
  closed: 'neutral',
  rejected: 'danger',
};

export function StatusBadge({ status, label }: { status: string; label?: string }) {
  const tone = TONES[status] ?? 'neutral';
  return (
    <span className={`badge badge-${tone}`} data-status={status}>
      {label ?? humanize(status)}
    </span>
  );
}

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (copied === 'idle') return;
    const t = setTimeout(() => setCopied('idle'), 2500);
    return () => clearTimeout(t);
  }, [copied]);
  return (
    <>
      <button
        type="button"
        className="btn btn-secondary btn-small"
        onClick={() => {
          navigator.clipboard
            .writeText(text)
            .then(() => setCopied('copied'))
            .catch(() => setCopied('failed'));
        }}
      >
        {copied === 'copied' ? 'Copied' : label}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {copied === 'copied'
          ? 'Copied to clipboard'
          : copied === 'failed'
            ? 'Copy failed; select the text'
            : ''}
      </span>
    </>
  );
}
