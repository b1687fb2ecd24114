import { platformData, type PlatformData } from "../db/platform.ts";
import type { Config, Env } from "./env.ts";

/** Everything a request may use, built once per request from the validated configuration. */
export type Services = PlatformData & {
  config: Config;
  uploads: R2Bucket;
};

export function buildServices(env: Env, config: Config): Services {
  return { ...platformData(env), config, uploads: env.UPLOADS };
}
