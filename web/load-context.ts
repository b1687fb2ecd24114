import type { PortaalLoadContext } from "../worker/context.ts";

declare module "@remix-run/cloudflare" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- module augmentation
  interface AppLoadContext extends PortaalLoadContext {}
}
