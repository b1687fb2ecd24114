import type { Account } from "./accounts.ts";
import { hashSecret, newSecretToken, parseSecretToken, sameHash } from "../platform/secret-token.ts";

export type SessionRecord = {
  id: string;
  userId: string;
  secretHash: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  ipAddress: string | null;
  strength: SessionStrength;
  /** The client organisation this session acts for, when the person belongs to one or more. */
  organisationId: string | null;
};

/** How the person proved who they are: a password alone, or with a second factor (or a passkey). */
export type SessionStrength = "password" | "two-step";

/** The tenant's sessions; implemented in db/ over the tenant's cell. */
export interface SessionStore {
  create(session: SessionRecord): Promise<void>;
  find(id: string): Promise<SessionRecord | null>;
  /** The session with its account, in one read: this runs on every request of a signed-in person. */
  findWithAccount(id: string): Promise<{ session: SessionRecord; account: Account } | null>;
  /** The user's live sessions, most recently used first. */
  listOf(userId: string): Promise<SessionRecord[]>;
  touch(id: string, lastSeenAt: string): Promise<void>;
  /** Raises a session to two-step once its person has proven a second factor in it. */
  setStrength(id: string, strength: SessionStrength): Promise<void>;
  setOrganisation(id: string, organisationId: string): Promise<void>;
  end(id: string): Promise<void>;
  /** Ends every session of the user, but the one named in `except` (the one in use). */
  endAllOf(userId: string, except?: string): Promise<void>;
}

export type SessionTimeouts = { idleMinutes: number; absoluteHours: number };

/** Writing "last seen" on every request would turn every page view into a write; once a minute is enough. */
const touchAfterMillis = 60_000;

export async function startSession(
  store: SessionStore,
  userId: string,
  timeouts: SessionTimeouts,
  client: { userAgent: string | null; ipAddress: string | null },
  now: Date,
  strength: SessionStrength,
): Promise<{ token: string; session: SessionRecord }> {
  const { id, secret, token } = newSecretToken("session");
  const session: SessionRecord = {
    id,
    userId,
    secretHash: await hashSecret(secret),
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + timeouts.absoluteHours * 3_600_000).toISOString(),
    userAgent: client.userAgent?.slice(0, 300) ?? null,
    ipAddress: client.ipAddress,
    strength,
    organisationId: null,
  };
  await store.create(session);
  return { token, session };
}

/**
 * The live session the token proves and its account, or null; an expired or idle session is
 * ended on the spot, and a session of an account that is no longer active proves nothing.
 */
export async function validateSession(
  store: SessionStore,
  token: string | undefined,
  timeouts: SessionTimeouts,
  now: Date,
): Promise<{ session: SessionRecord; account: Account } | null> {
  const parsed = parseSecretToken(token);
  if (!parsed) return null;
  const found = await store.findWithAccount(parsed.id);
  if (!found || !sameHash(await hashSecret(parsed.secret), found.session.secretHash)) return null;
  const { session, account } = found;
  if (account.status !== "active") return null;
  const idleUntil = new Date(session.lastSeenAt).getTime() + timeouts.idleMinutes * 60_000;
  if (now.getTime() >= new Date(session.expiresAt).getTime() || now.getTime() >= idleUntil) {
    await store.end(session.id);
    return null;
  }
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > touchAfterMillis) {
    await store.touch(session.id, now.toISOString());
    return { session: { ...session, lastSeenAt: now.toISOString() }, account };
  }
  return found;
}

/** Ends one of the person's own sessions; another person's session id is simply not found. */
export async function endOwnSession(
  store: SessionStore,
  userId: string,
  sessionId: string,
): Promise<boolean> {
  const session = await store.find(sessionId);
  if (!session || session.userId !== userId) return false;
  await store.end(session.id);
  return true;
}

/**
 * After a new second factor: this session proved it, so it counts as two-step; every other
 * session of the account ends (ASVS: sessions end when factors change).
 */
export async function keepOnlyThisSession(store: SessionStore, userId: string, sessionId: string) {
  await store.endAllOf(userId, sessionId);
  await store.setStrength(sessionId, "two-step");
}
