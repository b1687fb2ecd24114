import type { Language } from "../../../core/kernel/tenants/languages.ts";
import { kernelWithShell, shellKeys } from "./shell-keys.ts";
import { mergeStrings, perSet, seedGlobal, type Seed, type StringSource, type Strings } from "./strings.ts";

/**
 * Every namespace's file per language, each its own content-hashed chunk under /assets/ (cached
 * for good, see public/_headers): the kernel's in ./locales, a capability's in its own folder.
 */
const files = import.meta.glob<Record<Language, Strings>>([
  "./locales/{nl,en}.ts",
  "../../*/strings/{nl,en}.ts",
]);

const fileOf = new Map(
  Object.entries(files).map(([path, load]) => {
    const [folder, language] = /([^/]+)\/(?:strings|locales)\/(nl|en)\.ts$/.exec(path)?.slice(1) ?? [];
    const namespace = path.startsWith("./locales/") ? "kernel" : folder;
    return [`${language}/${namespace}`, async () => (await load())[language as Language]] as const;
  }),
);

const loaded = new Map<string, Strings>();
const loading = new Map<string, Promise<void>>();
const failed = new Map<string, unknown>();
let seeded = false;

/** The strings the document brought (server-strings.server.ts writes them), read at hydration. */
function takeSeed() {
  if (seeded) return;
  seeded = true;
  const seed = (window as unknown as Record<string, Seed | undefined>)[seedGlobal];
  for (const [name, strings] of Object.entries(seed?.namespaces ?? {})) {
    loaded.set(`${seed?.language}/${name}`, strings);
  }
}

async function fetchNamespace(language: Language, name: string): Promise<Strings> {
  const load = fileOf.get(`${language}/${name}`);
  if (!load) throw new Error(`No strings namespace "${name}" (handle.i18n of a route)`);
  if (name !== "kernel") return load();
  // The kernel's strings take the shell's keys of every capability along, as on the server.
  await Promise.all(Object.keys(shellKeys).map((other) => ensure(language, other)));
  return kernelWithShell(await load(), (other) => loaded.get(`${language}/${other}`) ?? {});
}

function ensure(language: Language, name: string): Promise<void> {
  const key = `${language}/${name}`;
  let promise = loading.get(key);
  if (!promise) {
    promise = fetchNamespace(language, name).then(
      (strings) => void loaded.set(key, strings),
      (error: unknown) => void failed.set(key, error),
    );
    loading.set(key, promise);
  }
  return promise;
}

const merged = perSet((language, namespaces) =>
  mergeStrings(namespaces.map((name) => loaded.get(`${language}/${name}`) ?? {})),
);

/** The document's strings, and any namespace a later page needs loaded before that page renders. */
export const browserStrings: StringSource = {
  read(language, namespaces) {
    takeSeed();
    const missing = namespaces.filter((name) => !loaded.has(`${language}/${name}`));
    if (missing.length === 0) return merged(language, namespaces);
    for (const name of missing) {
      if (failed.has(`${language}/${name}`)) throw failed.get(`${language}/${name}`);
    }
    return Promise.all(missing.map((name) => ensure(language, name)));
  },
};
