import { demoPassword, demoTenants, type DemoTenant } from "../db/kernel/seed/demo-tenants.ts";

/** The port of the e2e server (`E2E_PORT`, default 8791): apart from `npm start`'s 8787 so both run side by side. */
export const port = Number(process.env.E2E_PORT ?? 8791);

/** Chromium resolves every *.localhost name to the loopback address, as the tenant hosts need. */
export const tenantUrl = (slug: string, path = "/") => `http://${slug}.localhost:${port}${path}`;
export const platformUrl = (path = "/") => `http://localhost:${port}${path}`;

export function demoTenant(slug: string): DemoTenant {
  const tenant = demoTenants.find((candidate) => candidate.slug === slug);
  if (!tenant) throw new Error(`No demo tenant ${slug}`);
  return tenant;
}

/** `#0f5f5c` as getComputedStyle reports it: `rgb(15, 95, 92)`. */
export function cssRgb(hex: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [red, green, blue] = match.slice(1).map((part) => Number.parseInt(part, 16));
  return `rgb(${red}, ${green}, ${blue})`;
}

export { demoPassword, demoTenants };
