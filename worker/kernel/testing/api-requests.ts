import fc from "fast-check";
import { hugeString, resolved, validValue, wrongValue, type Hints, type Schema } from "./schema-values.ts";

/** The part of an OpenAPI 3.1 document the requests are generated from. */
export type Parameter = {
  name: string;
  in: "query" | "path" | "header" | "cookie";
  required?: boolean;
  schema: Schema;
};
export type Operation = {
  operationId: string;
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
};
export type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};
export type Located = Operation & { method: string; path: string };

export const operationsOf = (document: OpenApiDocument): Located[] =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ ...operation, method, path })),
  );

type Body =
  | { kind: "none" }
  | { kind: "json"; value: unknown }
  | { kind: "raw"; contentType: string | null; content: string | Uint8Array<ArrayBuffer> };

/** A request in parts, so that one part can be spoiled at a time. */
type Parts = {
  path: Record<string, string>;
  query: [string, string][];
  headers: Record<string, string>;
  body: Body;
};

/** One generated request: what was done to it (`variant`), and what is sent. */
export class ApiRequest {
  constructor(
    readonly variant: string,
    readonly method: string,
    readonly target: string,
    readonly headers: Record<string, string>,
    readonly body: string | Uint8Array<ArrayBuffer> | undefined,
  ) {}

  /** How a failing request is reported: a huge body would drown the report. */
  [fc.toStringMethod]() {
    const body =
      typeof this.body === "string" && this.body.length > 300
        ? `${this.body.slice(0, 300)}... (${this.body.length} characters)`
        : this.body;
    return `${this.variant}: ${this.method.toUpperCase()} ${this.target} ${JSON.stringify(this.headers)} ${fc.stringify(body)}`;
  }
}

const asText = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/** Text for the URL: cut where the edge refuses a longer URL (414) before the Worker sees it. */
const inUrl = (text: string) => text.slice(0, 2000);

/** A path segment that stays one segment: "." and ".." would be resolved away by the URL. */
const asSegment = (value: unknown) => {
  const text = inUrl(asText(value));
  return text === "" || /^\.{1,2}$/.test(text) ? `${text}x` : encodeURIComponent(text);
};

/** A header value: printable ASCII (the runtime re-encodes anything else), at most 8 KB as at the edge. */
const asHeader = (text: string) => text.replace(/[^\x20-\x7e]/g, "?").slice(0, 8192);

function build(operation: Located, variant: string, parts: Parts): ApiRequest {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => parts.path[name] ?? "x");
  const query = new URLSearchParams(parts.query.map(([name, value]) => [name, inUrl(value)])).toString();
  const headers = Object.fromEntries(
    Object.entries(parts.headers).map(([name, value]) => [name, asHeader(value)]),
  );
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  if (parts.body.kind === "json") {
    headers["content-type"] = "application/json";
    body = JSON.stringify(parts.body.value);
  } else if (parts.body.kind === "raw") {
    if (parts.body.contentType) headers["content-type"] = parts.body.contentType;
    body = parts.body.content;
  }
  return new ApiRequest(variant, operation.method, query ? `${path}?${query}` : path, headers, body);
}

const parametersIn = (operation: Operation, place: Parameter["in"]) =>
  (operation.parameters ?? []).filter((parameter) => parameter.in === place);

const bodyOf = (operation: Operation) => {
  const content = operation.requestBody?.content ?? {};
  return { json: content["application/json"]?.schema, bytes: content["application/octet-stream"] };
};

function validParts(operation: Located, hints: Hints): fc.Arbitrary<Parts> {
  const value = (parameter: Parameter) => validValue(parameter.schema, parameter.name, hints).map(asText);
  const path = fc.record(
    Object.fromEntries(parametersIn(operation, "path").map((p) => [p.name, value(p).map(asSegment)])),
  );
  const query = fc
    .tuple(
      ...parametersIn(operation, "query").map((p) =>
        p.required
          ? value(p).map((v) => [[p.name, v]])
          : fc.option(
              value(p).map((v) => [[p.name, v]]),
              { nil: [] },
            ),
      ),
    )
    .map((pairs) => pairs.flat() as [string, string][]);
  const headers = fc.record(
    Object.fromEntries(parametersIn(operation, "header").map((p) => [p.name, value(p)])),
    {
      requiredKeys: parametersIn(operation, "header")
        .filter((p) => p.required)
        .map((p) => p.name),
    },
  );
  const { json, bytes } = bodyOf(operation);
  const body: fc.Arbitrary<Body> = json
    ? validValue(json, "body", hints).map((v) => ({ kind: "json", value: v }))
    : bytes
      ? fc
          .uint8Array({ maxLength: 4096 })
          .map((content) => ({ kind: "raw", contentType: "application/octet-stream", content }))
      : fc.constant({ kind: "none" });
  return fc.record({ path, query, headers, body });
}

type Spoil = fc.Arbitrary<[string, (parts: Parts) => Parts]>;
const spoil = (variant: string, change: (parts: Parts) => Parts): Spoil => fc.constant([variant, change]);
const spoiled = (variant: string, arbitrary: fc.Arbitrary<(parts: Parts) => Parts>): Spoil =>
  arbitrary.map((change) => [variant, change]);

const malformedJson = fc.oneof(
  fc.constantFrom(
    "{",
    '{"a":',
    "nul",
    "{'a': 1}",
    "[1,]",
    "1e309",
    '{"a": 1}}',
    "\uFEFF{}",
    '"\\ud800"',
    "{}{}",
  ),
  fc.string({ unit: "binary", maxLength: 40 }).filter((text) => !isJson(text)),
);
const foreignContentTypes = fc.constantFrom(
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "application/octet-stream",
  "application/jsonp",
  "",
);

function isJson(text: string) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Every way to spoil a valid request of this operation, one part at a time. */
function spoilers(operation: Located, hints: Hints): Spoil[] {
  const found: Spoil[] = [];
  for (const parameter of operation.parameters ?? []) {
    const { name } = parameter;
    const wrong = wrongValue(parameter.schema, hints).map(asText);
    const set = (parts: Parts, value: string): Parts =>
      parameter.in === "path"
        ? { ...parts, path: { ...parts.path, [name]: asSegment(value) } }
        : parameter.in === "query"
          ? { ...parts, query: [...parts.query.filter(([key]) => key !== name), [name, value]] }
          : { ...parts, headers: { ...parts.headers, [name]: value } };
    found.push(
      spoiled(
        `wrong ${name}`,
        wrong.map((value) => (parts) => set(parts, value)),
      ),
    );
    if (parameter.in === "query") {
      found.push(
        spoil(`${name} twice`, (parts) => ({ ...parts, query: [...parts.query, [name, "1"], [name, "2"]] })),
      );
    }
    if (parameter.required && parameter.in !== "path") {
      found.push(
        spoil(`without ${name}`, (parts) => ({
          ...parts,
          query: parts.query.filter(([key]) => key !== name),
          headers: Object.fromEntries(Object.entries(parts.headers).filter(([key]) => key !== name)),
        })),
      );
    }
  }
  found.push(
    spoil("an unknown query parameter", (parts) => ({
      ...parts,
      query: [...parts.query, ["x", hugeString.slice(0, 2000)]],
    })),
  );
  const { json, bytes } = bodyOf(operation);
  if (json || bytes) {
    found.push(spoil("no body", withBody({ kind: "none" })));
    found.push(
      spoil(
        "an empty body",
        withBody({ kind: "raw", contentType: bytes ? null : "application/json", content: "" }),
      ),
    );
  }
  if (json) found.push(...jsonSpoilers(json, hints));
  return found;
}

const withBody = (body: Body) => (parts: Parts) => ({ ...parts, body });
const valueOf = (parts: Parts) => (parts.body.kind === "json" ? parts.body.value : {});

function jsonSpoilers(schema: Schema, hints: Hints): Spoil[] {
  const found: Spoil[] = [
    spoiled(
      "malformed JSON",
      malformedJson.map((content) => withBody({ kind: "raw", contentType: "application/json", content })),
    ),
    spoiled(
      "another content type",
      foreignContentTypes.map((contentType) => (parts) => ({
        ...parts,
        body: { kind: "raw", contentType, content: JSON.stringify(valueOf(parts)) },
      })),
    ),
    spoil("JSON without a content type", (parts) => ({
      ...parts,
      body: { kind: "raw", contentType: null, content: JSON.stringify(valueOf(parts)) },
    })),
    spoiled(
      "a body of another type",
      wrongValue(schema, hints).map((value) => withBody({ kind: "json", value })),
    ),
    spoiled(
      "an unknown field",
      fc.jsonValue({ maxDepth: 2 }).map((extra) => (parts) => ({
        ...parts,
        body: { kind: "json", value: { ...(valueOf(parts) as object), ["x-unknown"]: extra } },
      })),
    ),
  ];
  const properties = resolved(schema, hints).properties ?? {};
  for (const [name, property] of Object.entries(properties)) {
    const setTo = (value: unknown) => (parts: Parts) => ({
      ...parts,
      body: { kind: "json" as const, value: { ...(valueOf(parts) as object), [name]: value } },
    });
    found.push(spoiled(`wrong ${name}`, wrongValue(property, hints).map(setTo)));
    found.push(
      spoil(`without ${name}`, (parts) => {
        const rest = Object.entries(valueOf(parts) as object).filter(([key]) => key !== name);
        return { ...parts, body: { kind: "json", value: Object.fromEntries(rest) } };
      }),
    );
  }
  return found;
}

/** Valid requests of the operation, and requests with one part spoiled in every way it can be. */
export function requestsFor(operation: Located, hints: Hints): fc.Arbitrary<ApiRequest> {
  const valid = validParts(operation, hints);
  const spoils = spoilers(operation, hints);
  return fc.oneof(
    { weight: 1, arbitrary: valid.map((parts) => build(operation, "valid", parts)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, fc.oneof(...spoils))
        .map(([parts, [variant, change]]) => build(operation, variant, change(parts))),
    },
  );
}
