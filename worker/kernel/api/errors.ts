import { z } from "@hono/zod-openapi";

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "not_found" }),
      message: z.string().openapi({ example: "Not found" }),
    }),
  })
  .openapi("Error");

export function apiError(code: string, message: string) {
  return { error: { code, message } };
}

/** A JSON response of an operation, as its declaration names it. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
