import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../core/kernel/ids.ts";
import { demoPassword } from "../../../db/kernel/seed/demo-tenants.ts";
import { seedDemoTenants, visit } from "../testing/fixtures.ts";
import type { OpenApiDocument } from "../testing/api-requests.ts";

const host = "coaching.localhost";
let token: string;
let requests = 0;

/** A call as the demo client Sanne, with her bearer token, from an address of its own. */
const call = (method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}) =>
  visit(host, `/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      "cf-connecting-ip": `192.0.2.${++requests % 250}`,
      ...init.headers,
    },
    body: init.body,
  });

/** The operations that take a JSON body, each with a well-formed path. */
const withJsonBody = [
  ["POST", "/files/uploads", "createUpload"],
  ["POST", `/conversations/${newId("conversation")}/messages`, "sendMessage"],
  ["PUT", `/conversations/${newId("conversation")}/draft`, "saveDraft"],
  ["POST", `/conversations/${newId("conversation")}/read`, "markConversationRead"],
  ["POST", `/assignments/${newId("assignment")}/submit`, "submitAssignment"],
  ["POST", "/documents", "uploadDocument"],
  ["POST", `/goals/${newId("goal")}/progress`, "updateGoalProgress"],
  ["POST", `/bookings/${newId("booking")}/cancel`, "cancelBooking"],
] as const;

const errorOf = async (response: Response) => {
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return ((await response.json()) as { error: { code: string; message: string } }).error;
};

beforeAll(async () => {
  await seedDemoTenants();
  const response = await visit(host, "/api/v1/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": "192.0.2.250" },
    body: JSON.stringify({ email: "sanne.visser@example.nl", password: demoPassword }),
  });
  token = ((await response.json()) as { token: string }).token;
});

describe("bad input to the API", () => {
  it("refuses a request without the body the operation needs with 400 in JSON", async () => {
    // Her own conversation and assignment: the handlers would find them and go on.
    const { assignments } = (await (await call("GET", "/assignments")).json()) as {
      assignments: { id: string }[];
    };
    const { conversations } = (await (await call("GET", "/conversations")).json()) as {
      conversations: { id: string }[];
    };
    const [assignment, conversation] = [assignments[0]!.id, conversations[0]!.id];
    for (const [method, path] of [
      ["POST", `/conversations/${conversation}/messages`],
      ["PUT", `/conversations/${conversation}/draft`],
      ["POST", `/assignments/${assignment}/submit`],
      ["POST", "/files/uploads"],
    ] as const) {
      const response = await call(method, path);
      expect(response.status, path).toBe(400);
      expect((await errorOf(response)).code, path).toBe("invalid_request");
    }
  });

  it("answers malformed JSON with 400 and an unsupported content type with 415, both in JSON", async () => {
    for (const [method, path, operation] of withJsonBody) {
      // A key, for the operations that need one: the body is what is wrong here.
      const key = { "idempotency-key": crypto.randomUUID() };
      const malformed = await call(method, path, {
        headers: { "content-type": "application/json", ...key },
        body: '{"body": ',
      });
      expect(malformed.status, operation).toBe(400);
      expect(await errorOf(malformed), operation).toEqual({
        code: "invalid_request",
        message: "The body is not valid JSON",
      });
      const xml = await call(method, path, {
        headers: { "content-type": "application/xml", ...key },
        body: "<a/>",
      });
      expect(xml.status, operation).toBe(415);
      expect((await errorOf(xml)).code, operation).toBe("unsupported_media_type");
    }
  });

  it("names the field at fault in an invalid request", async () => {
    const response = await call("GET", "/bookings/mine?from=gisteren");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_request", field: "from" } });
  });

  it("refuses a text post from another site in JSON", async () => {
    const response = await visit(host, "/api/v1/auth/login", {
      method: "POST",
      headers: {
        "content-type": "text/plain",
        origin: "https://elders.example",
        "cf-connecting-ip": "192.0.2.251",
      },
      body: JSON.stringify({ email: "sanne.visser@example.nl", password: demoPassword }),
    });
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe("forbidden");
  });

  it("declares the content types a document is downloaded as, and its errors", async () => {
    const document = (await (await visit(host, "/api/v1/openapi.json")).json()) as OpenApiDocument;
    const download = document.paths["/documents/{id}/download"]!.get!;
    expect(Object.keys(download.responses["200"]!.content!)).toEqual(
      expect.arrayContaining(["application/pdf", "image/png", "text/plain", "text/csv"]),
    );
    expect(download.responses["200"]!.content).not.toHaveProperty("application/json");
    expect(Object.keys(download.responses)).toEqual(
      expect.arrayContaining(["400", "401", "403", "404", "429", "500"]),
    );
  });
});
