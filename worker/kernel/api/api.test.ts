import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoTenants, visit } from "../testing/fixtures.ts";

beforeAll(async () => {
  await seedDemoTenants();
});

type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, { operationId?: string }>>;
};

describe("/api/v1", () => {
  it("publishes an OpenAPI 3.1 document with a stable operationId for every operation", async () => {
    const response = await visit("coaching.localhost", "/api/v1/openapi.json");
    expect(response.status).toBe(200);
    const document = (await response.json()) as OpenApiDocument;
    expect(document.openapi).toBe("3.1.0");
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
    const ids = operations.map((operation) => operation.operationId);
    expect(ids).toEqual(expect.arrayContaining(["getHealth", "getTenantProfile"]));
    expect(ids.every((id) => typeof id === "string" && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("describes the tenant of the host, in the requested language", async () => {
    const response = await visit("ggz.localhost", "/api/v1/tenant?language=en");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      slug: "ggz",
      name: "Praktijk Lichtpunt",
      language: "en",
      terminology: { coach: "practitioner" },
      features: expect.arrayContaining(["goals", "booking"]),
    });
  });

  it("answers 404 in JSON where no tenant lives", async () => {
    for (const host of ["localhost:8787", "onbekend.localhost"]) {
      const response = await visit(host, "/api/v1/tenant");
      expect(response.status, host).toBe(404);
      expect(await response.json()).toEqual({
        error: { code: "not_found", message: "No tenant on this host" },
      });
    }
  });

  it("refuses invalid input with a 400 that says what is wrong", async () => {
    const response = await visit("coaching.localhost", "/api/v1/tenant?language=fr");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_request" } });
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const response = await visit("coaching.localhost", "/api/v1/bestaat-niet");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it("limits the request rate per client address with 429 and Retry-After", async () => {
    const headers = { "cf-connecting-ip": "203.0.113.7" };
    // Sequential requests outpace the refill (5 per second), so the burst of 60 runs out.
    let allowed = 0;
    let limited: Response | undefined;
    while (!limited && allowed < 1_000) {
      const response = await visit("support.localhost", "/api/v1/health", { headers });
      if (response.status === 429) limited = response;
      else if (response.status === 200) allowed++;
      else throw new Error(`unexpected status ${response.status}`);
    }
    expect(allowed).toBeGreaterThanOrEqual(60);
    expect(limited).toBeDefined();
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited!.json()).toMatchObject({ error: { code: "rate_limited" } });
    // Another address is not affected.
    const other = await visit("support.localhost", "/api/v1/health", {
      headers: { "cf-connecting-ip": "203.0.113.8" },
    });
    expect(other.status).toBe(200);
  });
});
