import { createExecutionContext, createMessageBatch, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { newId } from "../../../core/kernel/ids.ts";
import { users } from "../../../db/kernel/schema.ts";
import { D1Outbox, type OutboxMessage } from "../../../db/kernel/notifications/outbox.ts";
import type { DeliveryMessage } from "../../../core/kernel/notifications/ports.ts";
import { hashPassword } from "../../../core/kernel/auth/password-hash.ts";
import { provisionTenant } from "../../../core/kernel/tenants/provision.ts";
import type { TenantSettings } from "../../../core/kernel/tenants/settings.ts";
import type { TenantRecord } from "../../../core/kernel/tenants/tenant.ts";
import { platformData } from "../../../db/kernel/platform.ts";
import { demoPassword } from "../../../db/kernel/seed/demo-tenants.ts";
import { seedDemo, type SeedContext } from "../../../db/kernel/seed/seed-demo.ts";
import worker from "../../index.ts";

/** The seed/provision context over the test's real bindings. */
export function testContext(): SeedContext {
  return { ...platformData(env), uploads: env.UPLOADS, platformDomain: env.PLATFORM_DOMAIN };
}

export const seedDemoTenants = () => seedDemo(testContext());

export async function createTenant(
  slug: string,
  cell: string,
  options: { hostnames?: string[]; settings?: Partial<TenantSettings>; planId?: string } = {},
): Promise<TenantRecord> {
  const context = testContext();
  await context.control.savePlan({ id: "test-plan", name: "Test", features: ["messages", "documents"] });
  const result = await provisionTenant(
    {
      slug,
      name: `Tenant ${slug}`,
      cell,
      planId: options.planId ?? "test-plan",
      hostnames: options.hostnames ?? [],
      settings: options.settings ?? {},
    },
    context,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.tenant;
}

/** The test's bindings as `npm start` serves them: a development server, with the local outbox's pages. */
const developmentServer = { ...env, ENVIRONMENT: "development" };

/**
 * A request to the Worker's fetch handler as a browser on `host` would send it, to the Worker of
 * the tests' environment unless `bindings` says otherwise.
 */
export async function visit(
  host: string,
  path = "/",
  init: RequestInit = {},
  bindings: typeof env = env,
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("host", host);
  const request = new Request(`http://${host}${path}`, { ...init, headers, redirect: "manual" });
  const ctx = createExecutionContext();
  const response = await worker.fetch(request, bindings, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

/** A browser's request to the Worker as `npm start` serves it, where the local outbox's pages exist. */
export const visitDevelopmentServer = (host: string, path: string) =>
  visit(host, path, {}, developmentServer);

let apiCalls = 0;
/**
 * A call to the JSON API (`/api/v1` + `path`), each from an address of its own so the per-address
 * rate limit stays out of the way: as a signed-in person (`cookie`) or anonymously.
 */
export function callApi(
  host: string,
  path: string,
  init: {
    cookie?: string | undefined;
    method?: string;
    json?: unknown;
    headers?: Record<string, string>;
  } = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    "cf-connecting-ip": `203.0.113.${++apiCalls % 250}`,
    origin: `http://${host}`,
    ...init.headers,
  };
  if (init.cookie) headers.cookie = init.cookie;
  if (init.json !== undefined) headers["content-type"] = "application/json";
  return visit(host, `/api/v1${path}`, {
    method: init.method ?? (init.json === undefined ? "GET" : "POST"),
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
}

let signIns = 0;

/** The `Cookie` header of a fresh session of this demo account (password login through the page). */
export async function signIn(host: string, email: string, password = demoPassword): Promise<string> {
  const response = await post(
    host,
    "/login",
    { email, password },
    { "cf-connecting-ip": `198.51.100.${++signIns % 250}` },
  );
  const cookie = response.headers.get("set-cookie") ?? "";
  const token = /__Host-session=([^;]+)/.exec(cookie)?.[1];
  if (response.status !== 302 || !token) throw new Error(`sign-in of ${email} failed: ${response.status}`);
  return `__Host-session=${token}`;
}

/** A form post as the browser sends it from a page of the same host. */
export function post(host: string, path: string, fields: Record<string, string>, headers: HeadersInit = {}) {
  return visit(host, path, {
    method: "POST",
    headers: {
      origin: `http://${host}`,
      "content-type": "application/x-www-form-urlencoded",
      ...Object.fromEntries(new Headers(headers)),
    },
    body: new URLSearchParams(fields).toString(),
  });
}

/** A signed-in person uses the language switch, which saves their choice: their pages follow it. */
export async function saveLanguage(host: string, cookie: string, language: "nl" | "en"): Promise<void> {
  const response = await post(host, "/language", { language, returnTo: "/" }, { cookie });
  if (response.status !== 303) throw new Error(`language switch on ${host} failed: ${response.status}`);
}

/** A person in a tenant, beside the demo accounts (tests that need a special address or zone). */
export async function addUser(
  tenant: Pick<TenantRecord, "id" | "cell">,
  fields: {
    email: string;
    role?: "admin" | "staff" | "client";
    timeZone?: string;
    language?: "nl" | "en";
    phone?: string;
    password?: string;
  },
): Promise<string> {
  const id = newId("user");
  await platformData(env)
    .scopeIn(tenant.cell, tenant.id)
    .insert(users, {
      id,
      email: fields.email,
      displayName: fields.email.split("@")[0] ?? fields.email,
      role: fields.role ?? "client",
      language: fields.language ?? "nl",
      timeZone: fields.timeZone ?? "Europe/Amsterdam",
      phone: fields.phone ?? null,
      passwordHash: fields.password ? await hashPassword(fields.password) : null,
      status: "active",
      createdAt: new Date().toISOString(),
    });
  return id;
}

/**
 * Sends the mail queued for this address as the queue consumer would (a real batch through the
 * Worker's queue handler), and returns the newest mail in the tenant's local outbox for it.
 */
export async function deliverQueuedMail(
  tenant: Pick<TenantRecord, "id" | "cell">,
  email: string,
): Promise<OutboxMessage | undefined> {
  const { results } = await env[tenant.cell as "TENANT_DB_1"]
    .prepare(
      "SELECT d.id FROM notification_deliveries d JOIN users u ON u.id = d.recipient_id WHERE d.tenant_id = ? AND u.email = ? AND d.status = 'queued'",
    )
    .bind(tenant.id, email)
    .all<{ id: string }>();
  const batch = createMessageBatch<DeliveryMessage>(
    "portaal-notify",
    results.map(({ id }) => ({
      id: `test-${id}`,
      timestamp: new Date(),
      attempts: 1,
      body: { tenantId: tenant.id, deliveryId: id },
    })),
  );
  const scope = platformData(env).scopeIn(tenant.cell, tenant.id);
  await worker.queue(batch, env);
  return (await new D1Outbox(scope).list(200)).find((mail) => mail.recipient === email);
}
