import type { Context } from "hono";
import { html } from "hono/html";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../context.ts";
import { apiFailure } from "./api/exceptions.ts";
import { errorMessages } from "../../web/kernel/i18n/locales/errors.ts";

/**
 * A failure before the page could be rendered (configuration, control plane, cell): a plain page
 * in the visitor's language that names no tenant and shows no detail of the error.
 */
export function failurePage(error: Error, c: Context<AppEnv>): Response | Promise<Response> {
  if (c.req.path.startsWith("/api/")) return apiFailure(error, c);
  // Refusals raised on purpose (403 from the CSRF check, ...) keep their own status.
  if (error instanceof HTTPException) return error.getResponse();
  console.error(error);
  const language = c.get("language") ?? "nl";
  const text = errorMessages[language];
  return c.html(
    html`<!doctype html>
      <html lang="${language}">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>${text.serverErrorTitle}</title>
        </head>
        <body
          style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; color: #1c2430"
        >
          <h1>${text.serverErrorTitle}</h1>
          <p>${text.serverErrorBody}</p>
        </body>
      </html>`,
    500,
  );
}
