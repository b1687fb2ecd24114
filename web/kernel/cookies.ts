import { parse, serialize } from "hono/utils/cookie";
import { knownDeviceDays } from "../../core/kernel/auth/guess-budgets.ts";
import type { SignedIn } from "../../core/kernel/auth/login.ts";

/**
 * Cookies carry the `__Host-` prefix: Secure, Path=/, no Domain, so a cookie set by one tenant's
 * host can never be sent to another tenant's host. Browsers treat http://*.localhost as secure,
 * so the same names work in local development.
 */
export const languageCookie = {
  name: "__Host-lang",
  options: {
    path: "/",
    secure: true,
    httpOnly: true,
    sameSite: "Lax",
    maxAge: 60 * 60 * 24 * 365,
  },
} as const;

/** The session cookie: HttpOnly, Secure, Lax, host-only; it lives as long as the session may. */
export const sessionCookieName = "__Host-session";

export function sessionCookie(token: string, maxAgeSeconds: number): string {
  return serialize(sessionCookieName, token, {
    path: "/",
    secure: true,
    httpOnly: true,
    sameSite: "Lax",
    maxAge: maxAgeSeconds,
  });
}

export function clearedSessionCookie(): string {
  return sessionCookie("", 0);
}

/**
 * A sign-in half done (password right, second factor to come) or a passkey ceremony under way:
 * the browser holds the challenge's token for the five minutes the challenge lives.
 */
export const challengeCookieName = "__Host-signin";

/** A passkey ceremony under way, apart from a half-done password sign-in so neither undoes the other. */
export const passkeyCookieName = "__Host-passkey";

export function challengeCookie(token: string, maxAgeSeconds = 300, name = challengeCookieName): string {
  return serialize(name, token, {
    path: "/",
    secure: true,
    httpOnly: true,
    sameSite: "Lax",
    maxAge: maxAgeSeconds,
  });
}

export function challengeTokenOf(request: Request, name = challengeCookieName): string | undefined {
  return parse(request.headers.get("cookie") ?? "", name)[name];
}

/**
 * The browser's device token: set at every sign-in, so that the accounts it signed in to know it
 * and give it a guess budget of its own (ADR "sign-in guessing limits"). It proves nothing by
 * itself and opens no session.
 */
export const deviceCookieName = "__Host-device";

export function deviceCookie(token: string): string {
  return serialize(deviceCookieName, token, {
    path: "/",
    secure: true,
    httpOnly: true,
    sameSite: "Lax",
    maxAge: knownDeviceDays * 24 * 3600,
  });
}

export function deviceTokenOf(request: Request): string | undefined {
  return parse(request.headers.get("cookie") ?? "", deviceCookieName)[deviceCookieName];
}

/** What a finished sign-in sets: the session cookie and the device cookie. */
export function signedInHeaders(
  signedIn: SignedIn,
  sessionSeconds: number,
  headers = new Headers(),
): Headers {
  headers.append("Set-Cookie", sessionCookie(signedIn.token, sessionSeconds));
  headers.append("Set-Cookie", deviceCookie(signedIn.deviceToken));
  return headers;
}
