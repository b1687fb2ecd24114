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
