import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { demoPassword } from "../../db/kernel/seed/demo-tenants.ts";
import { getText, saveLanguage, signIn } from "../lib/http.ts";
import { describeCode, describeMachine } from "../lib/provenance.ts";
import { startPortaal } from "../lib/server.ts";

/**
 * `npm run bench:pages`: what the main pages weigh (bench/README.md, "Page weight"). For each page,
 * as a demo client, a coach or signed out, in Dutch and English: the server-rendered HTML, the part
 * of it that is the translation catalogue, the JavaScript the page makes the browser load, and the
 * data request Remix sends again after a form post on that page. Sizes only, no timings.
 */
const { values: flags } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    port: { type: "string", default: process.env.BENCH_PORT ?? "8823" },
  },
});
const port = Number(flags.port);
const host = `coaching.localhost:${port}`;
const root = path.resolve(import.meta.dirname, "../..");
const resultsDir = path.join(root, "bench", "results");
mkdirSync(resultsDir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const languages = ["nl", "en"] as const;

type Account = { label: string; email: string | null; displayName: string | null };
const signedOut: Account = { label: "signed out", email: null, displayName: null };
const client: Account = { label: "client", email: "sanne.visser@example.nl", displayName: "Sanne Visser" };
const coach: Account = {
  label: "coach",
  email: "anouk.devries@koerscoaching.nl",
  displayName: "Anouk de Vries",
};
// `:conversation` is the first conversation the client's /messages lists.
const pages: { account: Account; path: string }[] = [
  { account: signedOut, path: "/login" },
  ...["/", "/messages", "/messages/:conversation", "/booking", "/goals", "/documents"].map((p) => ({
    account: client,
    path: p,
  })),
  ...["/", "/clients", "/booking/agenda"].map((p) => ({ account: coach, path: p })),
];

const gzipBytes = (text: string) => gzipSync(text).byteLength;
const bytes = (text: string) => Buffer.byteLength(text);

async function get(pathname: string, cookie: string | undefined) {
  const response = await getText({ port, host, path: pathname, cookie, timeoutMillis: 30_000 });
  if (response.status !== 200) throw new Error(`GET ${pathname}: ${response.status}`);
  return response.body;
}

// --- The loader data in the page: turbo-stream text, written by Remix as `enqueue("…")` scripts.

/** As Remix escapes the stream's text inside its inline scripts (@remix-run/react, markup.js). */
const escapeHtml = (text: string) =>
  text.replace(/[&><\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
const inScript = (text: string) => escapeHtml(JSON.stringify(text));
const dataScript =
  /(<script[^>]*>window\.__remixContext\.streamController\.enqueue\()(".*?")(\);<\/script>)/gs;

/**
 * The turbo-stream's first line is one flat array; objects refer to their keys and values by index,
 * and a string used twice is stored once. The catalogue is every entry reachable from the root
 * loader's `i18n` and from nothing else: entries it shares (a key such as "title") stay with the rest.
 */
function catalogueEntries(entries: unknown[]): Set<number> {
  const key = entries.indexOf("i18n");
  const holder = entries.find((e) => isObject(e) && `_${key}` in e) as Record<string, number> | undefined;
  if (key < 0 || !holder) return new Set();
  const start = holder[`_${key}`]!;
  const rest = reachable(entries, 0, start);
  return new Set([...reachable(entries, start, -1)].filter((index) => !rest.has(index)));
}

function isObject(entry: unknown): entry is Record<string, unknown> {
  return typeof entry === "object" && entry !== null && !Array.isArray(entry);
}

function reachable(entries: unknown[], from: number, avoid: number): Set<number> {
  const seen = new Set<number>();
  const stack = [from];
  while (stack.length > 0) {
    const index = stack.pop()!;
    if (index < 0 || index === avoid || seen.has(index)) continue; // negatives: null, undefined, …
    seen.add(index);
    const entry = entries[index];
    if (isObject(entry)) {
      for (const [k, v] of Object.entries(entry)) stack.push(Number(k.slice(1)), v as number);
    } else if (Array.isArray(entry)) {
      // ["D", time], ["U", href], … hold literals; plain arrays and other tags hold indices.
      if (typeof entry[0] === "string" && "BDRUYPZ".includes(entry[0])) continue;
      stack.push(...entry.filter((v): v is number => typeof v === "number"));
    }
  }
  return seen;
}

/**
 * The stream's text without the catalogue's entries (indices no longer match; only its size counts),
 * or null when re-serialising the entries does not give back the text Remix sent, so the catalogue
 * cannot be isolated this way.
 */
function withoutCatalogue(text: string): { text: string; found: boolean } | null {
  const end = text.indexOf("\n");
  const line = end < 0 ? text : text.slice(0, end);
  const entries = JSON.parse(line) as unknown[];
  const serialised = entries.map((entry) => JSON.stringify(entry));
  if (`[${serialised.join(",")}]` !== line) return null;
  const catalogue = catalogueEntries(entries);
  const kept = serialised.filter((_, index) => !catalogue.has(index));
  return { text: `[${kept.join(",")}]${text.slice(line.length)}`, found: catalogue.size > 0 };
}

// --- One page.

const assets = new Map<string, string>();

/** A module and everything it imports statically, as the browser fetches them before running the page. */
async function javascript(html: string) {
  const inline = [...html.matchAll(/<script[^>]*type="module"[^>]*>(.*?)<\/script>/gs)].map((m) => m[1]!);
  const queue = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]!),
    ...inline.flatMap((code) => staticImports(code, "/")),
  ];
  const preloaded = new Set(queue);
  const loaded = new Set<string>();
  let raw = 0;
  let gzip = 0;
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (loaded.has(url)) continue;
    loaded.add(url);
    const code = assets.get(url) ?? (await get(url, undefined));
    assets.set(url, code);
    raw += bytes(code);
    gzip += gzipBytes(code);
    queue.push(...staticImports(code, url));
  }
  const urls = [...loaded];
  return { files: urls.length, raw, gzip, urls, notPreloaded: urls.filter((url) => !preloaded.has(url)) };
}

/**
 * `import … from "./x"`, `import "./x"` and `export … from "./x"`; a dynamic `import("./x")` loads
 * later. Vite's chunks import each other by path only, so a bare name ("partysocket/…", quoted in
 * one library's error message) is not an import.
 */
function staticImports(code: string, base: string): string[] {
  return [
    ...code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^"'();]*?from\s*)?["'](\.{0,2}\/[^"']+)["']/g),
  ].map((m) => new URL(m[1]!, `http://x${base}`).pathname);
}

async function measure(pathname: string, cookie: string | undefined, expect: string) {
  const html = await get(pathname, cookie);
  if (!html.includes(expect)) throw new Error(`GET ${pathname}: the page does not show "${expect}"`);
  const scripts = [...html.matchAll(dataScript)];
  const streamText = scripts.map((m) => JSON.parse(m[2]!) as string).join("");
  const stripped = scripts.length > 0 ? withoutCatalogue(streamText) : null;
  // The page again with its data in one script, with and without the catalogue: the difference is
  // what the catalogue adds to the document, raw and compressed along with the rest of it.
  const rebuilt = (text: string) => {
    const [first] = scripts;
    const last = scripts.at(-1)!;
    return `${html.slice(0, first!.index)}${first![1]}${inScript(text)}${first![3]}${html.slice(last.index + last[0].length)}`;
  };
  // With the data in one script, the rebuilt page must be the page itself, or the escaping is not Remix's.
  const catalogue =
    stripped?.found && (scripts.length > 1 || rebuilt(streamText) === html)
      ? {
          raw: bytes(rebuilt(streamText)) - bytes(rebuilt(stripped.text)),
          gzip: gzipBytes(rebuilt(streamText)) - gzipBytes(rebuilt(stripped.text)),
        }
      : null;

  // After a form post Remix reloads every route's data of the page (the root's too, see
  // web/root.tsx shouldRevalidate) in one single-fetch request; a link navigation only the page's.
  const dataPath = pathname === "/" ? "/_root.data" : `${pathname}.data`;
  const data = await get(dataPath, cookie);
  const dataStripped = withoutCatalogue(data);
  const leafRoute = /window\.__remixRouteModules = \{.*"([^"]+)":route\d+\}/.exec(html)?.[1];
  const navigation = await get(`${dataPath}?_routes=${encodeURIComponent(leafRoute ?? "")}`, cookie);

  // The page's strings, in a script of their own (StringsSeed in web/kernel/i18n/Translated.tsx).
  const stringsScript = /<script[^>]*>window\.__portaalStrings=[\s\S]*?<\/script>/.exec(html)?.[0] ?? "";

  return {
    html: { raw: bytes(html), gzip: gzipBytes(html) },
    strings: {
      raw: bytes(stringsScript),
      gzip: gzipBytes(html) - gzipBytes(html.replace(stringsScript, "")),
    },
    inlineData: { scripts: scripts.length, raw: scripts.reduce((sum, m) => sum + bytes(m[2]!), 0) },
    catalogue,
    javascript: await javascript(html),
    postData: {
      path: dataPath,
      raw: bytes(data),
      gzip: gzipBytes(data),
      catalogue: dataStripped?.found ? bytes(data) - bytes(dataStripped.text) : null,
    },
    navigationData: { route: leafRoute, raw: bytes(navigation), gzip: gzipBytes(navigation) },
  };
}

// --- The run.

const logPath = path.join(resultsDir, `pages-${stamp}.server.log`);
console.log(
  `Starting Portaal on port ${port} (${flags["no-build"] ? "no build" : "build first"}); log: ${logPath}`,
);
const server = await startPortaal({
  root,
  port,
  stateDir: ".wrangler/bench-pages-state",
  build: !flags["no-build"],
  logPath,
  wranglerLog: "warn",
  nodeEnv: "production",
  readyTimeoutMillis: 300_000,
});
process.once("SIGINT", () => void server.stop().then(() => process.exit(130)));

type Row = { account: string; path: string; language: string } & (
  Awaited<ReturnType<typeof measure>> | { error: string }
);
const rows: Row[] = [];
let survivors: string[] = [];
try {
  const sessions = new Map<Account, string | undefined>();
  for (const account of [signedOut, client, coach]) {
    sessions.set(
      account,
      account.email ? await signIn({ port, host, email: account.email, password: demoPassword }) : undefined,
    );
  }
  const conversation = /href="\/messages\/(cnv_[^"#/]+)"/.exec(
    await get("/messages", sessions.get(client)),
  )?.[1];
  for (const language of languages) {
    // Signed out the language is a cookie of its own; signed in it is the person's saved language,
    // which the switch saves (worker/kernel/language.ts).
    for (const cookie of sessions.values()) if (cookie) await saveLanguage({ port, host, cookie, language });
    for (const page of pages) {
      const pathname = page.path.replace(":conversation", conversation ?? "none");
      const cookie = [sessions.get(page.account), `__Host-lang=${language}`].filter(Boolean).join("; ");
      const expect = page.account.displayName ?? 'name="password"';
      const row = { account: page.account.label, path: pathname, language };
      try {
        rows.push({ ...row, ...(await measure(pathname, cookie, expect)) });
      } catch (error) {
        rows.push({ ...row, error: String(error) });
      }
    }
  }
} finally {
  ({ survivors } = await server.stop());
}

const report = {
  date: new Date().toISOString(),
  arguments: process.argv.slice(2),
  code: describeCode(),
  machine: describeMachine(["wrangler", "react", "@remix-run/react", "i18next"]),
  host,
  units: "bytes; gzip at node:zlib's default level, each file on its own",
  survivors,
  pages: rows,
};
const resultPath = path.join(resultsDir, `pages-${stamp}.json`);
writeFileSync(resultPath, `${JSON.stringify(report, null, 2)}\n`);

const kB = (n: number | null | undefined) => (n == null ? "–" : (n / 1000).toFixed(1));
const cells = (row: Row) =>
  "error" in row
    ? [row.error]
    : [
        ...[row.html.raw, row.html.gzip, row.inlineData.raw, row.catalogue?.raw, row.catalogue?.gzip].map(kB),
        ...[row.strings.raw, row.strings.gzip].map(kB),
        String(row.javascript.files),
        ...[row.javascript.raw, row.javascript.gzip, row.postData.raw, row.postData.gzip].map(kB),
        ...[row.postData.catalogue, row.navigationData.raw].map(kB),
      ];
console.log(
  [
    "",
    "Sizes in kB (1000 bytes); gz = gzip. Catalogue: the translation bundle inside the page's loader data; Strings: the page's strings in their own script.",
    "",
    "| Account | Page | Lang | HTML | HTML gz | Inline data | Catalogue | Catalogue gz | Strings | Strings gz | JS files | JS | JS gz | After a post (.data) | gz | of which catalogue | Link navigation (.data) |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map((row) =>
      ["", row.account, row.path.replace(/cnv_\w+/, "<id>"), row.language, ...cells(row), ""]
        .join(" | ")
        .trim(),
    ),
  ].join("\n"),
);
for (const row of rows) {
  if (!("error" in row) && row.javascript.notPreloaded.length > 0) {
    console.log(`${row.path}: imported but not preloaded: ${row.javascript.notPreloaded.join(", ")}`);
  }
}
if (survivors.length > 0) console.log(`Still running after SIGKILL:\n  ${survivors.join("\n  ")}`);
console.log(`\nResult: ${path.relative(root, resultPath)}`);
process.exit(rows.some((row) => "error" in row) || survivors.length > 0 ? 1 : 0);
