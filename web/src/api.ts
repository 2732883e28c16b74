/**
 * The one way the web app talks to the Tandem API.
 *
 * - Staff requests are cookie-authenticated; every mutating request (POST/PUT/PATCH/DELETE) carries
 *   the session's CSRF token in `x-csrf-token`.
 * - Customer requests (the demo page) pass a bearer token instead and never send the CSRF header.
 * - Error bodies `{ error: { code, message, details? } }` become an `ApiError`.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** JSON-serialised as the request body. */
  body?: unknown;
  /** A customer token: sent as `Authorization: Bearer …` instead of using the staff cookie. */
  bearer?: string;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `idempotency-key`. */
  headers?: Record<string, string>;
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Remembers the CSRF token returned by login and session checks. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a cookie-authenticated request comes back 401 (the session expired or was revoked). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

const MUTATING = new Set<HttpMethod>(['POST', 'PUT', 'PATCH', 'DELETE']);

function errorFromBody(status: number, data: unknown): ApiError {
  const err =
    typeof data === 'object' && data !== null && 'error' in data
      ? (data as { error?: { code?: unknown; message?: unknown; details?: unknown } }).error
      : undefined;
  const code = typeof err?.code === 'string' ? err.code : `http_${status}`;
  const message =
    typeof err?.message === 'string' && err.message.length > 0
      ? err.message
      : status >= 500
        ? 'The server had a problem. Please try again.'
        : `Request failed (HTTP ${status}).`;
  return new ApiError(status, code, message, err?.details);
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (options.bearer) {
    headers.authorization = `Bearer ${options.bearer}`;
  } else if (MUTATING.has(method) && csrfToken) {
    headers['x-csrf-token'] = csrfToken;
  }

  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', 'Could not reach the Tandem server. Check your connection.');
  }

  const text = res.status === 204 ? '' : await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const error = errorFromBody(res.status, data);
    if (res.status === 401 && !options.bearer && !path.startsWith('/api/v1/auth/')) onUnauthorized?.();
    throw error;
  }
  return data as T;
}

/** A readable message for anything thrown by `api` (or elsewhere). */
export function errorMessage(error: unknown): string {
  // A message already worded for people (e.g. `useSubmit().error`).
  if (typeof error === 'string' && error) return error;
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
