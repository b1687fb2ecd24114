import fc from "fast-check";

/** The part of JSON Schema (as @hono/zod-openapi writes it into the OpenAPI document) read here. */
export type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
};

/**
 * What the generators know beside the schema: the document's named schemas, and values worth
 * trying for a field of a given name (real ids of the right kind, the tenant's e-mail addresses).
 */
export type Hints = {
  schemas: Record<string, Schema>;
  valuesFor(name: string): Weighted[];
};
/** Values to pick from, more often the heavier the weight. */
export type Weighted = { weight: number; values: readonly string[] };

export const resolved = (schema: Schema, hints: Pick<Hints, "schemas">): Schema =>
  schema.$ref ? resolved(hints.schemas[schema.$ref.split("/").pop()!]!, hints) : schema;

const typesOf = (schema: Schema): string[] =>
  schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];

/** Beyond every limit the API sets on a string (the largest is a message of 10,000 characters). */
export const hugeString = "é".repeat(200_000);

/** Text of many scripts, control characters and emoji, and the characters that break naive code. */
const anyText = (minLength = 0, maxLength = 80) =>
  fc.oneof(
    fc.string({ unit: "grapheme", minLength, maxLength }),
    fc.string({ unit: "binary", minLength, maxLength }),
    fc.constantFrom(
      "'; DROP TABLE users; --",
      "<script>alert(1)</script>",
      "../../etc/passwd",
      "\u0000",
      "%00%2F",
    ),
  );

const fitsString = (schema: Schema) => (value: string) =>
  value.length >= (schema.minLength ?? 0) &&
  value.length <= (schema.maxLength ?? Infinity) &&
  (!schema.pattern || new RegExp(schema.pattern).test(value));

/** Instants around now, on whole quarters of an hour (as bookable slots are), and far away. */
const instant = fc.oneof(
  fc
    .integer({ min: -2 * 24 * 4, max: 70 * 24 * 4 })
    .map((quarters) => new Date(Math.floor(Date.now() / 900_000 + quarters) * 900_000).toISOString()),
  fc
    .date({ min: new Date("1970-01-01"), max: new Date("2199-12-31"), noInvalidDate: true })
    .map((date) => date.toISOString()),
);

function validString(schema: Schema, name: string, hints: Hints): fc.Arbitrary<string> {
  if (schema.format === "date-time") return instant;
  if (schema.format === "binary") return anyText();
  const fits = fitsString(schema);
  const { minLength = 0, maxLength } = schema;
  const generated: fc.Arbitrary<string>[] =
    schema.format === "email"
      ? [fc.emailAddress().filter(fits)]
      : schema.pattern
        ? [fc.stringMatching(new RegExp(schema.pattern)).filter(fits)]
        : [anyText(minLength, Math.min(maxLength ?? 80, 80)).filter(fits)];
  // Exactly as long as allowed, in a character that takes two bytes.
  if (maxLength !== undefined && !schema.pattern && !schema.format)
    generated.push(fc.constant("é".repeat(maxLength)));
  const hinted = hints
    .valuesFor(name)
    .map(({ weight, values }) => ({ weight, values: values.filter(fits) }))
    .filter(({ values }) => values.length > 0)
    .map(({ weight, values }) => ({ weight, arbitrary: fc.constantFrom(...values) }));
  return fc.oneof(...generated, ...hinted);
}

/** A value the schema accepts, for a field called `name` (the name picks the hints). */
export function validValue(schema: Schema, name: string, hints: Hints): fc.Arbitrary<unknown> {
  const plain = resolved(schema, hints);
  const choices = plain.anyOf ?? plain.oneOf;
  if (choices) return fc.oneof(...choices.map((choice) => validValue(choice, name, hints)));
  if (plain.allOf) return validValue(plain.allOf[0]!, name, hints);
  if (plain.const !== undefined) return fc.constant(plain.const);
  if (plain.enum) return fc.constantFrom(...plain.enum);
  const types = typesOf(plain);
  if (types.length > 1) return fc.oneof(...types.map((type) => validValue({ ...plain, type }, name, hints)));
  switch (types[0]) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
    case "number": {
      const min = plain.minimum ?? (plain.exclusiveMinimum ?? -1_000_001) + 1;
      const max = plain.maximum ?? (plain.exclusiveMaximum ?? 1_000_001) - 1;
      const whole = fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max));
      return types[0] === "integer" ? whole : fc.oneof(whole, fc.double({ min, max, noNaN: true }));
    }
    case "array":
      return fc.array(validValue(plain.items ?? {}, name, hints), {
        minLength: plain.minItems ?? 0,
        maxLength: Math.min(plain.maxItems ?? 5, 5),
      });
    case "object":
      return validObject(plain, hints);
    case "string":
      return validString(plain, name, hints);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function validObject(schema: Schema, hints: Hints): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(
    Object.entries(properties).map(([key, property]) => [key, validValue(property, key, hints)]),
  );
  return fc.record(model, { requiredKeys: schema.required ?? [] });
}

/** Values of every JSON type the schema does not allow, and the limits just crossed. */
export function wrongValue(schema: Schema, hints: Pick<Hints, "schemas">): fc.Arbitrary<unknown> {
  const plain = resolved(schema, hints);
  const types = typesOf(plain);
  const ofAllowedType = (value: unknown) =>
    types.includes(jsonType(value)) || (jsonType(value) === "integer" && types.includes("number"));
  const otherTypes = fc
    .constantFrom<unknown>(
      null,
      true,
      0,
      -1.5,
      2 ** 53,
      "",
      "text",
      [],
      [1, "two"],
      {},
      { nested: { deep: [] } },
    )
    .filter((value) => !ofAllowedType(value));
  const crossed: fc.Arbitrary<unknown>[] = [];
  if (types.includes("string")) {
    crossed.push(fc.constant(hugeString));
    if (plain.maxLength !== undefined) crossed.push(fc.constant("x".repeat(plain.maxLength + 1)));
    const accepted = (text: string) => fitsString(plain)(text) && (!plain.enum || plain.enum.includes(text));
    // Hardly any text is a date or an address; most text misses a pattern or a list.
    if (plain.format) crossed.push(anyText(1));
    if (plain.pattern || plain.enum) crossed.push(anyText(1).filter((text) => !accepted(text)));
  }
  if (types.includes("integer") || types.includes("number")) {
    if (plain.minimum !== undefined) crossed.push(fc.constant(plain.minimum - 1));
    if (plain.maximum !== undefined) crossed.push(fc.constant(plain.maximum + 1));
    if (types.includes("integer")) crossed.push(fc.constantFrom(0.5, 1e300, -(2 ** 63)));
  }
  if (types.includes("array") && plain.items) {
    crossed.push(fc.array(wrongValue(plain.items, hints), { minLength: 1, maxLength: 3 }));
    if (plain.maxItems !== undefined)
      crossed.push(fc.constant(Array.from({ length: plain.maxItems + 1 }, () => "x")));
  }
  return crossed.length ? fc.oneof(otherTypes, ...crossed) : otherTypes;
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}
