/*
 * What an API key may be given; apart from core/kernel/auth/api-keys.ts so the admin's page can show the
 * choices without bundling the server's key handling.
 */

/**
 * What a key may do in the API. Each API operation a key can reach names the one scope it needs
 * (worker/kernel/api/access.ts); sign-in, account and session operations name none, so no key reaches
 * them, and no key opens a page of the web app.
 */
export const apiScopes = ["users:read"] as const;
export type ApiScope = (typeof apiScopes)[number];

/** A key lives 30, 90 or 365 days; 90 unless the admin chooses otherwise. */
export const keyLifetimes = [30, 90, 365] as const;
export const defaultKeyLifetime = 90;
