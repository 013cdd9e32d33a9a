/**
 * Signing in: the bearer token a person pastes, checked with the server (`session()`), kept for
 * the tab (sessionStorage) or, when asked, on this device (localStorage), and the adapter every
 * view reads and writes through: the REST adapter wrapped by the offline outbox. The portal never
 * calls `fetch` itself.
 */
import { HanseiError, RestAdapter } from '@hansei/adapters';
import { openOfflineStore, withOffline, type OfflineAdapter } from '@hansei/adapters/offline';
import type { TokenRole } from '@hansei/core';

const KEY = 'hansei-portal-session';

/** Who is signed in: the token, its role and name as the server last said. */
export interface StoredSession {
  readonly token: string;
  readonly role: TokenRole;
  readonly name: string;
}

/** A signed-in portal: the session and the adapter made for it. */
export interface Connection extends StoredSession {
  readonly adapter: OfflineAdapter;
  /** The role could not be checked (offline): the one remembered is used until it can. */
  readonly unverified: boolean;
}

function storages(): Storage[] {
  const found: Storage[] = [];
  for (const name of ['sessionStorage', 'localStorage'] as const) {
    try {
      const storage = globalThis[name];
      if (storage) found.push(storage);
    } catch {
      // Storage can be blocked (privacy settings); the session then lives as long as the page.
    }
  }
  return found;
}

function parse(text: string | null): StoredSession | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<StoredSession>;
    const roles: readonly string[] = ['viewer', 'responder', 'admin'];
    return typeof value.token === 'string' && typeof value.name === 'string' && roles.includes(value.role ?? '')
      ? { token: value.token, role: value.role!, name: value.name }
      : null;
  } catch {
    return null;
  }
}

/** The session kept in this tab or on this device, if any. */
export function storedSession(): StoredSession | null {
  for (const storage of storages()) {
    const found = parse(storage.getItem(KEY));
    if (found) return found;
  }
  return null;
}

/** Keeps the session for this tab, and on this device when `remember`. */
function keep(session: StoredSession, remember: boolean): void {
  const [tab, device] = storages();
  const text = JSON.stringify(session);
  try {
    tab?.setItem(KEY, text);
    if (remember) device?.setItem(KEY, text);
  } catch {
    // Full or blocked storage: signed in for as long as the page lives.
  }
}

/** Forgets the session everywhere (signing out). */
export function forgetSession(): void {
  for (const storage of storages()) {
    try {
      storage.removeItem(KEY);
    } catch {
      // Nothing to forget where storage is blocked.
    }
  }
}

/** Why signing in failed, in a form the sign-in view words. */
export type SignInProblem = 'empty' | 'rejected' | 'anonymous' | 'unreachable' | 'other';

export class SignInError extends Error {
  constructor(
    readonly problem: SignInProblem,
    override readonly cause?: unknown,
  ) {
    super(problem);
  }
}

/** The REST adapter for `token`, against the server the portal is served from (or `baseUrl`). */
function restAdapter(token: string, baseUrl: string): RestAdapter {
  return new RestAdapter({ baseUrl, token: () => token });
}

let store: ReturnType<typeof openOfflineStore> | undefined;

async function offline(rest: RestAdapter): Promise<OfflineAdapter> {
  store ??= openOfflineStore();
  return withOffline(rest, await store);
}

/**
 * Checks `token` with the server and signs in with it. Rejects with a {@link SignInError}: the
 * token was refused, it is not a token at all, or the server cannot be reached.
 */
export async function signIn(token: string, remember: boolean, baseUrl = location.origin): Promise<Connection> {
  const trimmed = token.trim();
  if (!trimmed) throw new SignInError('empty');
  const rest = restAdapter(trimmed, baseUrl);
  let session;
  try {
    session = await rest.session();
  } catch (error) {
    if (error instanceof HanseiError && (error.kind === 'unauthorized' || error.kind === 'forbidden')) throw new SignInError('rejected', error);
    if (error instanceof HanseiError && (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'unavailable')) throw new SignInError('unreachable', error);
    throw new SignInError('other', error);
  }
  if (!session.role || !session.token) throw new SignInError('anonymous');
  const kept: StoredSession = { token: trimmed, role: session.role, name: session.token.name };
  keep(kept, remember);
  return { ...kept, adapter: await offline(rest), unverified: false };
}

/**
 * Resumes the kept session (after a reload): the role is checked again when the server can be
 * reached; offline, the remembered one is used and writes wait in the outbox. Resolves null when
 * nothing is kept or the server refused the token (it is then forgotten).
 */
export async function resume(baseUrl = location.origin): Promise<Connection | null> {
  const kept = storedSession();
  if (!kept) return null;
  const rest = restAdapter(kept.token, baseUrl);
  try {
    const session = await rest.session({ timeoutMs: 5_000 });
    if (!session.role || !session.token) {
      forgetSession();
      return null;
    }
    const fresh: StoredSession = { token: kept.token, role: session.role, name: session.token.name };
    return { ...fresh, adapter: await offline(rest), unverified: false };
  } catch (error) {
    if (error instanceof HanseiError && (error.kind === 'unauthorized' || error.kind === 'forbidden')) {
      forgetSession();
      return null;
    }
    return { ...kept, adapter: await offline(rest), unverified: true };
  }
}

/** What a role may do in the portal. */
export const mayRespond = (role: TokenRole | null | undefined): boolean => role === 'responder' || role === 'admin';
export const mayAdminister = (role: TokenRole | null | undefined): boolean => role === 'admin';
