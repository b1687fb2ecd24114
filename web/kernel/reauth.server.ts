import { data } from "@remix-run/cloudflare";

/**
 * The answer to a change refused because the password typed again was wrong or too many were:
 * the message sits at the password field of the form it came from (`about` says which form).
 */
export function passwordRefused<About extends Record<string, string>>(
  reason: "wrong" | "throttled",
  about: About = {} as About,
) {
  return data(
    {
      error: reason === "throttled" ? "twoStep.throttled" : "twoStep.passwordWrong",
      field: "password" as const,
      ...about,
    },
    reason === "throttled" ? 429 : 400,
  );
}
