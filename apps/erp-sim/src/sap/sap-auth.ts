import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface SapCredentials {
  /** When set, Basic auth must match exactly; otherwise any non-empty user and password pass. */
  username?: string;
  password?: string;
  /** OAuth client credentials accepted by the token endpoint (any when unset). */
  clientId?: string;
  clientSecret?: string;
}

export const SESSION_COOKIE = 'SAP_SESSIONID_SIM_100';

function basic(header: string | undefined): { user: string; password: string } | null {
  if (!header?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** Who may call the simulated SAP, and its CSRF sessions (token per session cookie, as Gateway keeps them). */
export class SapSecurity {
  private readonly tokens = new Set<string>();
  private readonly sessions = new Map<string, string>();
  csrfFetches = 0;
  csrfRejections = 0;

  constructor(private readonly credentials: SapCredentials) {}

  authenticated(req: IncomingMessage): boolean {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) return this.tokens.has(header.slice(7));
    const given = basic(header);
    if (!given || !given.user || !given.password) return false;
    if (this.credentials.username !== undefined && given.user !== this.credentials.username) return false;
    if (this.credentials.password !== undefined && given.password !== this.credentials.password) return false;
    return true;
  }

  /** Client-credentials grant: Basic auth with the client id/secret, or them in the form body. */
  issueAccessToken(req: IncomingMessage, form: URLSearchParams): string | null {
    if (form.get('grant_type') !== 'client_credentials') return null;
    const given = basic(req.headers.authorization) ?? { user: form.get('client_id') ?? '', password: form.get('client_secret') ?? '' };
    if (!given.user || !given.password) return null;
    if (this.credentials.clientId !== undefined && given.user !== this.credentials.clientId) return null;
    if (this.credentials.clientSecret !== undefined && given.password !== this.credentials.clientSecret) return null;
    const token = randomBytes(24).toString('base64url');
    this.tokens.add(token);
    return token;
  }

  /** `x-csrf-token: Fetch`: the session's token (a new session when the request carries none). */
  fetchCsrf(req: IncomingMessage): { token: string; setCookie?: string } {
    this.csrfFetches += 1;
    const session = cookie(req, SESSION_COOKIE);
    const existing = session ? this.sessions.get(session) : undefined;
    if (session && existing) return { token: existing };
    const id = randomBytes(12).toString('hex');
    const token = randomBytes(16).toString('base64');
    this.sessions.set(id, token);
    return { token, setCookie: `${SESSION_COOKIE}=${id}; path=/; HttpOnly` };
  }

  csrfValid(req: IncomingMessage): boolean {
    const session = cookie(req, SESSION_COOKIE);
    const token = req.headers['x-csrf-token'];
    const ok = !!session && typeof token === 'string' && this.sessions.get(session) === token;
    if (!ok) this.csrfRejections += 1;
    return ok;
  }

  /** Ends every session (as a Gateway restart or session timeout would): the next write gets a 403. */
  expireSessions(): void {
    this.sessions.clear();
  }
}
