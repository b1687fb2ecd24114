import { describe, expect, it } from "vitest";
import { classifyHost } from "./hosts.ts";

describe("classifyHost", () => {
  it("finds tenants on subdomains of the platform domain, with or without port", () => {
    expect(classifyHost("coaching.localhost:8787", "localhost")).toEqual({
      kind: "subdomain",
      slug: "coaching",
    });
    expect(classifyHost("GGZ.Portaal.app", "portaal.app")).toEqual({ kind: "subdomain", slug: "ggz" });
  });

  it("treats the bare platform domain and www as the public page", () => {
    expect(classifyHost("localhost:8787", "localhost")).toEqual({ kind: "platform" });
    expect(classifyHost("www.portaal.app", "portaal.app")).toEqual({ kind: "platform" });
  });

  it("treats any other valid host as a possible custom domain", () => {
    expect(classifyHost("mijn.koerscoaching.nl.", "portaal.app")).toEqual({
      kind: "custom",
      hostname: "mijn.koerscoaching.nl",
    });
  });

  it("refuses nested subdomains, reserved names and garbage", () => {
    expect(classifyHost("a.b.portaal.app", "portaal.app").kind).toBe("invalid");
    expect(classifyHost("api.portaal.app", "portaal.app").kind).toBe("invalid");
    expect(classifyHost("<script>.nl", "portaal.app").kind).toBe("invalid");
    expect(classifyHost("", "portaal.app").kind).toBe("invalid");
    expect(classifyHost(undefined, "portaal.app").kind).toBe("invalid");
  });
});
