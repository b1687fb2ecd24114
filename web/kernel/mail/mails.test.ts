import { describe, expect, it } from "vitest";
import { definitionOf, kindNames, type NotificationKind } from "../../../core/kernel/notifications/kinds.ts";
import type { MailContent, RenderedMail } from "../../../core/kernel/notifications/ports.ts";
import { languages, type Language } from "../../../core/kernel/tenants/languages.ts";
import { defaultTenantSettings } from "../../../core/kernel/tenants/settings.ts";
import { termKeys, type TerminologyOverrides } from "../../../core/kernel/tenants/terminology.ts";
import { messageRenderer } from "./render.server.ts";

const origin = "https://lichtpunt.example";

/** A tenant that renames every word it may, so a term that is not filled in shows. */
const renamed: TerminologyOverrides = {
  nl: Object.fromEntries(termKeys.map((key) => [key, `eigen-${key}`])),
  en: Object.fromEntries(termKeys.map((key) => [key, `own-${key}`])),
};

const tenants = {
  "its own words": {
    name: "Praktijk Lichtpunt",
    settings: { ...defaultTenantSettings, terminology: renamed },
  },
  "the default words": { name: "Koers Coaching", settings: defaultTenantSettings },
};

function contentOf(kinds: readonly NotificationKind[], language: Language, actorName: string | null) {
  return {
    recipient: {
      id: "usr_x",
      displayName: "Lotte de Vries",
      email: "lotte.devries@example.nl",
      phone: "+31612345678",
      language,
      timeZone: "Europe/Amsterdam",
      status: "active",
    },
    items: kinds.map((kind, index) => ({ kind, actorName, url: `${origin}/${kind}/${index}` })),
    unsubscribe: kinds
      .filter((kind) => definitionOf(kind).optional)
      .map((kind) => ({ kind, url: `${origin}/unsubscribe/tok_x?kind=${kind}` })),
    preferencesUrl: `${origin}/account/notifications`,
  } satisfies MailContent;
}

/**
 * Texts that look like an i18n key ("mail.action.invitation") or a placeholder left unfilled
 * ("{{term.goal}}"), once addresses and links are taken out.
 */
function keysIn(text: string): string[] {
  const words = text
    .replace(/https?:\/\/[^\s"'<>]+/g, " ")
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, " ")
    .replace(/\s(?:href|src)="[^"]*"/g, " ");
  return [...(words.match(/\b[a-z]+(\.[a-z-]+)+\b/g) ?? []), ...(words.match(/\{\{[^}]*\}\}?/g) ?? [])];
}

/** The text of the mail's button: the link styled as one, in the HTML. */
const buttonOf = (mail: RenderedMail) =>
  /<a[^>]*href="[^"]*"[^>]*style="[^"]*padding[^"]*"[^>]*>([\s\S]*?)<\/a>/
    .exec(mail.html)?.[1]
    ?.replace(/<[^>]+>/g, "")
    // React Email pads the button with hair and zero-width spaces.
    .replace(/&#(8202|8203);/g, "")
    .replace(/&#x27;/g, "'")
    .trim();

const cases = languages.flatMap((language) =>
  Object.entries(tenants).flatMap(([words, tenant]) =>
    [null, "Eva Smit"].map((actor) => ({ language, words, tenant, actor })),
  ),
);

describe("every mail Portaal sends", () => {
  it.each(cases)(
    "says every kind in words, in $language with $words, from $actor",
    async ({ language, tenant, actor }) => {
      const renderer = messageRenderer(tenant, origin);
      for (const kind of kindNames) {
        const mail = await renderer.mail(contentOf([kind], language, actor));
        const sms = renderer.sms(contentOf([kind], language, actor));
        for (const [part, text] of Object.entries({
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          sms,
        })) {
          expect(keysIn(text), `${kind} ${part}`).toEqual([]);
        }
        const button = buttonOf(mail);
        expect(button, kind).toBeTruthy();
        expect(mail.text, kind).toContain(button);
        expect(mail.subject.length, kind).toBeGreaterThan(10);
      }
    },
  );

  it.each(languages)("says a digest of every kind in words, in %s", async (language) => {
    const renderer = messageRenderer(tenants["its own words"], origin);
    const digest = await renderer.mail(contentOf(kindNames, language, "Eva Smit"));
    for (const [part, text] of Object.entries(digest)) expect(keysIn(String(text)), part).toEqual([]);
    expect(keysIn(renderer.sms(contentOf(kindNames, language, null)))).toEqual([]);
    expect(buttonOf(digest)).toBeTruthy();
  });

  it("uses the tenant's words in the lines that name them", async () => {
    const renderer = messageRenderer(tenants["its own words"], origin);
    const dutch = await renderer.mail(contentOf(["goal"], "nl", "Eva Smit"));
    expect(dutch.subject).toBe("Eva Smit werkte aan een eigen-goal");
    const english = await renderer.mail(contentOf(["goal"], "en", "Eva Smit"));
    expect(english.text).toContain("No more e-mail about: News about own-goals");
  });

  it("gives the first mail a person gets its button and its note, in both parts", async () => {
    const renderer = messageRenderer(tenants["the default words"], origin);
    const expected = {
      nl: {
        invitation: ["Account openen", "14 dagen geldig"],
        "invitation-reminder": ["Account openen", "14 dagen geldig"],
        "password-reset": ["Nieuw wachtwoord kiezen", "30 minuten geldig"],
        "new-sign-in": ["Bekijk in het portaal", "Was jij dit niet?"],
      },
      en: {
        invitation: ["Open my account", "holds for 14 days"],
        "invitation-reminder": ["Open my account", "holds for 14 days"],
        "password-reset": ["Choose a new password", "holds for 30 minutes"],
        "new-sign-in": ["View in the portal", "Was this not you?"],
      },
    } as const;
    for (const language of languages) {
      for (const [kind, [button, note]] of Object.entries(expected[language])) {
        const mail = await renderer.mail(contentOf([kind as NotificationKind], language, "Eva Smit"));
        expect(buttonOf(mail), `${language} ${kind}`).toBe(button);
        for (const part of [mail.html, mail.text]) {
          expect(part).toContain(button);
          expect(part).toContain(note);
        }
      }
    }
  });

  it("catches a key or a placeholder left in a text", () => {
    expect(keysIn("Beste Lotte, mail.action.invitation")).toEqual(["mail.action.invitation"]);
    expect(keysIn("Nieuw van {{actor}}")).toEqual(["{{actor}}"]);
    expect(keysIn(`Zie ${origin}/goals.x of mail lotte.devries@example.nl.`)).toEqual([]);
  });
});
