import { describe, expect, it } from "vitest";
import {
  hashPassword,
  needsRehash,
  scryptParameters,
  unknownUserHash,
  verifyPassword,
} from "./password-hash.ts";

describe("password hashing", () => {
  it("verifies the right password and refuses another", async () => {
    const stored = await hashPassword("Correct paard batterij nietje");
    expect(stored).toMatch(/^scrypt\$16384\$8\$5\$/);
    expect(await verifyPassword("Correct paard batterij nietje", stored)).toBe(true);
    expect(await verifyPassword("correct paard batterij nietje", stored)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("hetzelfde wachtwoord")).not.toBe(await hashPassword("hetzelfde wachtwoord"));
  });

  it("treats Unicode forms of the same text as the same password", async () => {
    const stored = await hashPassword("café-terras");
    expect(await verifyPassword("cafe\u0301-terras", stored)).toBe(true);
  });

  it("refuses malformed hashes and never matches the unknown-user hash", async () => {
    expect(await verifyPassword("x", "plain")).toBe(false);
    expect(await verifyPassword("", unknownUserHash)).toBe(false);
  });

  it("asks for a new hash when the parameters were weaker", () => {
    expect(needsRehash(`scrypt$1024$8$1$a$b`)).toBe(true);
    expect(needsRehash(`scrypt$${scryptParameters.N}$8$5$a$b`)).toBe(false);
  });
});
