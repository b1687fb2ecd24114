import { serialize } from "hono/utils/cookie";

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
  return serialize(sessionCookieName, "", {
    path: "/",
    secure: true,
    httpOnly: true,
    sameSite: "Lax",
    maxAge: 0,
  });
}
