import { describe, expect, it } from "vitest";
import { commonPasswords } from "./common-passwords.ts";
import { brokenRules, defaultPasswordPolicy } from "./password-policy.ts";

const context = {
  isCommon: (password: string) => password === "wachtwoord1",
  personal: ["Sanne Visser", "sanne"],
};
const composition = { minLength: 8, requireComposition: true };

describe("password rules", () => {
  it("asks for length, not composition, by default (ASVS)", () => {
    expect(brokenRules("lange zin zonder hoofdletters", defaultPasswordPolicy, context)).toEqual([]);
    expect(brokenRules("kort", defaultPasswordPolicy, context)).toEqual(["minLength"]);
    expect(brokenRules("x".repeat(129), defaultPasswordPolicy, context)).toEqual(["maxLength"]);
  });

  it("accepts long passwords and any Unicode, spaces included", () => {
    expect(brokenRules("ë".repeat(64), defaultPasswordPolicy, context)).toEqual([]);
    expect(brokenRules("mijn 🐈 heet Pluis en is negen", defaultPasswordPolicy, context)).toEqual([]);
  });

  it("refuses common and personal passwords", () => {
    expect(brokenRules("wachtwoord1", defaultPasswordPolicy, context)).toEqual(["notCommon"]);
    expect(brokenRules("Sanne2026!", defaultPasswordPolicy, context)).toEqual(["notPersonal"]);
  });

  it("applies a tenant's composition rules (seed 003), a question mark not counting as special", () => {
    expect(brokenRules("Zomer-2027", composition, context)).toEqual([]);
    expect(brokenRules("zomer2027?", composition, context)).toEqual([
      "uppercase",
      "special",
      "noQuestionMark",
    ]);
  });

  it("knows the common-password list", async () => {
    const common = await commonPasswords();
    expect(common.size).toBeGreaterThan(40_000);
    expect(common.has("welkom01")).toBe(true);
    expect(common.has("portaal-demo-2026")).toBe(false);
    expect(common.has("password1")).toBe(true);
  });
});
