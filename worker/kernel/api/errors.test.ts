import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { visit } from "../testing/fixtures.ts";
import { apiErrorCodes, failures, refuse, type Failure } from "./errors.ts";

type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  enum?: string[];
  allOf?: Schema[];
};
type Document = {
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, ResponseObject> }>>;
  components: { schemas: Record<string, Schema> };
};
type ResponseObject = { content?: { "application/json"?: { schema: Schema } } };

const openApi = async () =>
  (await (await visit("coaching.localhost", "/api/v1/openapi.json")).json()) as Document;

/** The codes an error schema allows, following references into the document's components. */
function codesOf(schema: Schema, document: Document): string[] | undefined {
  if (schema.$ref) return codesOf(document.components.schemas[schema.$ref.split("/").pop()!]!, document);
  if (schema.allOf) return schema.allOf.map((part) => codesOf(part, document)).find(Boolean);
  return schema.properties?.error?.properties?.code?.enum;
}

describe("API errors", () => {
  it("reaches every declared code through the one mapping of failure reasons", () => {
    const mapped = new Set(Object.values(failures).map(([, code]) => code));
    expect(apiErrorCodes.filter((code) => !mapped.has(code))).toEqual([]);
  });

  it("answers each failure reason with its status and code", async () => {
    for (const reason of Object.keys(failures) as Failure[]) {
      const app = new Hono().get("/", (c) => refuse(c, reason, "Refused"));
      const response = await app.request("/");
      const [status, code] = failures[reason];
      expect(response.status, reason).toBe(status);
      expect(await response.json(), reason).toEqual({ error: { code, message: "Refused" } });
    }
  });

  it("lists the codes as the enum of the Error schema, and every operation's errors use it", async () => {
    const document = await openApi();
    expect(codesOf(document.components.schemas.Error!, document)).toEqual(apiErrorCodes);
    for (const methods of Object.values(document.paths)) {
      for (const { operationId, responses } of Object.values(methods)) {
        for (const [status, response] of Object.entries(responses)) {
          if (Number(status) < 400) continue;
          const schema = response.content?.["application/json"]?.schema;
          expect(schema, `${operationId} ${status}`).toBeDefined();
          const codes = codesOf(schema!, document);
          expect(codes, `${operationId} ${status}`).toBeDefined();
          expect(apiErrorCodes, `${operationId} ${status}`).toEqual(expect.arrayContaining(codes!));
        }
      }
    }
  });
});
