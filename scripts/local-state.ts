import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

/** Where local D1, R2 and Durable Object state lives; e2e runs use a directory of their own. */
export const stateDir = process.env.PORTAAL_STATE ?? ".wrangler/state";

/** The D1 bindings of wrangler.toml: the control plane and every data cell. */
export function databaseBindings(): string[] {
  const toml = readFileSync("wrangler.toml", "utf8");
  return [...toml.matchAll(/^binding\s*=\s*"((?:CONTROL_DB)|(?:TENANT_DB_\d+))"/gm)].map(
    (match) => match[1]!,
  );
}

export function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, CI: "1" },
    });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

/** Applies the control-plane migrations and the one cell migration set to every cell. */
export async function applyMigrations(): Promise<void> {
  for (const binding of databaseBindings()) {
    await run("wrangler", ["d1", "migrations", "apply", binding, "--local", "--persist-to", stateDir]);
  }
}
