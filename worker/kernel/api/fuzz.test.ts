import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { platformData } from "../../../db/kernel/platform.ts";
import { demoPassword } from "../../../db/kernel/seed/demo-tenants.ts";
import { env } from "cloudflare:workers";
import {
  operationsOf,
  requestsFor,
  type ApiRequest,
  type Located,
  type OpenApiDocument,
} from "../testing/api-requests.ts";
import { idPools, idsByTable } from "../testing/id-pools.ts";
import { seedDemoTenants, visit } from "../testing/fixtures.ts";
import { apiErrorCodes } from "./errors.ts";

/**
 * Every operation of the OpenAPI document the API serves, sent valid and spoiled requests
 * generated from its own parameters and body schema, as a stranger, a client, staff and an
 * admin: none may answer 5xx, a status the document does not declare for it, a content type it
 * does not declare for that status, or an error that is not `{ error: { code, message } }`.
 */

const host = "coaching.localhost";
const people = {
  client: "sanne.visser@example.nl",
  staff: "anouk.devries@koerscoaching.nl",
  admin: "marieke.jansen@koerscoaching.nl",
} as const;
type Role = keyof typeof people | "anonymous";

/** Requests per operation and caller: with 31 operations and four callers some 1,500 in all (ADR 0019). */
const runsPerOperation = 12;

let document: OpenApiDocument;
let operations: Located[];
let valuesFor: ReturnType<typeof idPools>;
const tokens: Partial<Record<Role, string>> = {};
/** What each operation answered, for the check that valid requests get through too. */
const answered = new Map<string, Set<number>>();

let requests = 0;
/**
 * From 250 addresses in turn, so the per-address rate limit (a burst of 60) stays out of the way
 * without a new bucket for every request.
 */
function send(request: ApiRequest, token: string | undefined) {
  return visit(host, `/api/v1${request.target}`, {
    method: request.method,
    headers: {
      ...request.headers,
      "cf-connecting-ip": `198.18.0.${++requests % 250}`,
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: request.body,
  });
}

async function login(email: string) {
  const response = await visit(host, "/api/v1/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": "192.0.2.77" },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  expect(response.status, email).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

const anyId = /\b[a-z]{3}_[0-9A-HJKMNP-TV-Z]{26}\b/g;

/** What is wrong with an answer, or null. */
function problemOf(operation: Located, response: Response, text: string): string | null {
  const status = String(response.status);
  if (response.status >= 500) return `answered ${status}: ${text.slice(0, 300)}`;
  const declared = operation.responses[status];
  if (!declared) return `answered ${status}, declared are ${Object.keys(operation.responses).join(", ")}`;
  const mediaType = response.headers.get("content-type")?.split(";")[0]?.trim() ?? "none";
  if (declared.content && !(mediaType in declared.content))
    return `answered ${status} as ${mediaType}, declared are ${Object.keys(declared.content).join(", ")}`;
  if (response.status < 400) return null;
  const body = (() => {
    try {
      return JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    } catch {
      return null;
    }
  })();
  const code = body?.error?.code;
  if (!apiErrorCodes.includes(code as never) || typeof body?.error?.message !== "string")
    return `answered ${status} without the error shape: ${text.slice(0, 300)}`;
  return null;
}

beforeAll(async () => {
  await seedDemoTenants();
  document = (await (await visit(host, "/api/v1/openapi.json")).json()) as OpenApiDocument;
  // Signing out ends the session the other operations use: it goes last.
  operations = operationsOf(document).sort(
    (a, b) => Number(a.operationId === "logout") - Number(b.operationId === "logout"),
  );
  for (const role of Object.keys(people) as (keyof typeof people)[]) tokens[role] = await login(people[role]);
  const { control } = platformData(env);
  const [own, elsewhere] = await Promise.all(
    ["coaching", "ggz"].map(async (slug) => idsByTable((await control.tenantBySlug(slug))!)),
  );
  valuesFor = idPools(own!, elsewhere!, {
    email: [...Object.values(people), "niemand@example.nl"],
    password: [demoPassword],
  });
});

describe("every operation of the OpenAPI document", () => {
  it("declares the statuses every operation can answer", () => {
    for (const operation of operations) {
      const statuses = Object.keys(operation.responses);
      const expected = ["429", "500"];
      if (operation.parameters?.length || operation.requestBody) expected.push("400");
      if (operation.requestBody?.content["application/json"]) expected.push("415");
      if (operation.method !== "get") expected.push("403");
      if (operation.security?.length) expected.push("401", "403");
      expect(statuses, operation.operationId).toEqual(expect.arrayContaining(expected));
    }
  });

  it("requires a body wherever the operation needs one", () => {
    const optional = operations.filter(
      (operation) => operation.requestBody && !operation.requestBody.required,
    );
    expect(optional.map((operation) => operation.operationId).sort()).toEqual([
      "cancelBooking",
      "markConversationRead",
    ]);
  });

  it.each(["anonymous", "client", "staff", "admin"] as const)(
    "answers generated requests with a declared status and the error shape, as %s",
    async (role) => {
      // The ids the caller's answers showed (their conversations, uploads, goals): the next
      // operations try them first, so valid requests reach what the caller may change.
      const seen = new Set<string>();
      for (const operation of operations) {
        const hints = {
          schemas: document.components.schemas,
          valuesFor: (name: string) => [{ weight: 4, values: [...seen] }, ...valuesFor(name, operation.path)],
        };
        await fc.assert(
          fc.asyncProperty(requestsFor(operation, hints), async (request) => {
            const response = await send(request, tokens[role]);
            const text = new TextDecoder().decode(await response.arrayBuffer());
            expect(problemOf(operation, response, text), `${operation.operationId} as ${role}`).toBeNull();
            if (response.ok) for (const id of text.match(anyId) ?? []) seen.add(id);
            if (!answered.has(operation.operationId)) answered.set(operation.operationId, new Set());
            answered.get(operation.operationId)!.add(response.status);
          }),
          { numRuns: runsPerOperation },
        );
      }
    },
    180_000,
  );

  // A generator that only ever spoils requests would pass the checks above without reaching
  // any handler: a third of the operations at least must have said yes to someone.
  it("gets valid requests through to many operations", () => {
    const succeeded = [...answered].filter(([, statuses]) => [...statuses].some((status) => status < 300));
    const seen = Object.fromEntries([...answered].map(([id, statuses]) => [id, [...statuses].sort()]));
    expect(succeeded.length, JSON.stringify(seen)).toBeGreaterThan(operations.length / 3);
  });
});
