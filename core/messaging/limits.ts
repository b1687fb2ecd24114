/**
 * The limits of one message; the pages and the API refuse more with an error at the field. Apart
 * from the settings schema, so the browser's composer reads them without zod.
 */
export const messageLimits = {
  bodyMaxLength: 10_000,
  subjectMaxLength: 120,
  /** Seed 001: files go with a message through the one upload path, at the tenant's size limit. */
  files: 5,
} as const;
