import http from "node:http";

export type TextResponse = { status: number; body: string; millis: number };

/**
 * One GET to the local server with an explicit Host header. Tenants are told apart by host, and
 * `<slug>.localhost` does not resolve everywhere, so the connection always goes to 127.0.0.1.
 */
export function getText(request: {
  port: number;
  path: string;
  host: string;
  cookie?: string | undefined;
  timeoutMillis: number;
}): Promise<TextResponse> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const outgoing = http.get(
      {
        hostname: "127.0.0.1",
        port: request.port,
        path: request.path,
        headers: { host: request.host, ...(request.cookie ? { cookie: request.cookie } : {}) },
        // A fresh connection each time, like a first visitor.
        agent: false,
        timeout: request.timeoutMillis,
      },
      (response) => {
        response.setEncoding("utf8");
        let body = "";
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            body,
            millis: Number(process.hrtime.bigint() - started) / 1e6,
          }),
        );
        response.on("error", reject);
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error(`GET ${request.path} timed out`)));
    outgoing.on("error", reject);
  });
}

/** A form post to the local server, as a page of the same host sends it; answers status and headers. */
function postForm(request: {
  port: number;
  host: string;
  path: string;
  fields: Record<string, string>;
  cookie?: string;
}): Promise<http.IncomingMessage> {
  const body = new URLSearchParams(request.fields).toString();
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        hostname: "127.0.0.1",
        port: request.port,
        path: request.path,
        method: "POST",
        agent: false,
        headers: {
          host: request.host,
          origin: `http://${request.host}`,
          "content-type": "application/x-www-form-urlencoded",
          "content-length": Buffer.byteLength(body),
          ...(request.cookie ? { cookie: request.cookie } : {}),
        },
      },
      (response) => {
        response.resume();
        resolve(response);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** Signs a demo account in through the sign-in form and answers its session cookie. */
export async function signIn(request: {
  port: number;
  host: string;
  email: string;
  password: string;
}): Promise<string> {
  const response = await postForm({
    ...request,
    path: "/login",
    fields: { email: request.email, password: request.password },
  });
  const cookie = /__Host-session=[^;]+/.exec(String(response.headers["set-cookie"] ?? ""))?.[0];
  if (response.statusCode === 302 && cookie) return cookie;
  throw new Error(`sign-in of ${request.email} failed with ${response.statusCode}`);
}

/** A signed-in person's language switch, which saves their choice: their pages follow it. */
export async function saveLanguage(request: {
  port: number;
  host: string;
  cookie: string;
  language: string;
}): Promise<void> {
  const response = await postForm({ ...request, path: "/language", fields: { language: request.language } });
  if (response.statusCode !== 303) throw new Error(`language switch failed with ${response.statusCode}`);
}
