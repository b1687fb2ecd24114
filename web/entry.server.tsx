import type { AppLoadContext, EntryContext } from "@remix-run/cloudflare";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToReadableStream } from "react-dom/server";
import { serverStrings } from "./kernel/i18n/server-strings.server.ts";
import { StringSourceContext } from "./kernel/i18n/strings.ts";
import { NonceProvider } from "./nonce.tsx";

const streamTimeoutMillis = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const controller = new AbortController();
  const timeout = setTimeout(() => controller.abort(), streamTimeoutMillis);
  let status = responseStatusCode;
  const body = await renderToReadableStream(
    <NonceProvider value={loadContext.cspNonce}>
      <StringSourceContext.Provider value={serverStrings}>
        <RemixServer
          context={remixContext}
          url={request.url}
          abortDelay={streamTimeoutMillis}
          nonce={loadContext.cspNonce}
        />
      </StringSourceContext.Provider>
    </NonceProvider>,
    {
      nonce: loadContext.cspNonce,
      signal: controller.signal,
      onError(error: unknown) {
        if (!controller.signal.aborted) console.error(error);
        status = 500;
      },
    },
  );
  body.allReady.then(() => clearTimeout(timeout)).catch(() => clearTimeout(timeout));
  // Crawlers get the whole document at once; browsers get it streamed.
  if (isbot(request.headers.get("user-agent") ?? "")) await body.allReady;
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(body, { headers: responseHeaders, status });
}
