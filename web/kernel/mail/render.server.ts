import { convert } from "html-to-text";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { MailContent, MessageRenderer, RenderedMail } from "../../../core/kernel/notifications/ports.ts";
import type { Tenant } from "../../../core/kernel/tenants/tenant.ts";
import { createI18n } from "../i18n/i18n.ts";
import { i18nBundle } from "../i18n/bundle.server.ts";
import { mailMessages } from "./messages.ts";
import { NotificationMail } from "./NotificationMail.tsx";

/**
 * Mail and SMS text for one tenant, in the recipient's language with the tenant's words, name,
 * logo and colour. React Email's components give mail-client-proof HTML (React renders it);
 * html-to-text derives the plain-text part from it, so the two always say the same.
 */
const doctype =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

function plainText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: "img", format: "skip" },
      { selector: "a", options: { linkBrackets: false, hideLinkHrefIfSameAsText: true } },
    ],
  });
}

export function messageRenderer(tenant: Pick<Tenant, "name" | "settings">, origin: string): MessageRenderer {
  const translator = (content: MailContent) => {
    const bundle = i18nBundle(content.recipient.language, tenant.name, tenant.settings.terminology);
    const t = createI18n({
      ...bundle,
      messages: { ...bundle.messages, mail: mailMessages[content.recipient.language] },
    }).t;
    const lines = content.items.map((item) =>
      item.actorName
        ? t(`notifications.kinds.${item.kind}.withActor`, { actor: item.actorName })
        : t(`notifications.kinds.${item.kind}.anonymous`),
    );
    return { t, lines };
  };

  return {
    async mail(content: MailContent): Promise<RenderedMail> {
      const { t, lines } = translator(content);
      const brand = {
        name: tenant.name,
        primaryColour: tenant.settings.primaryColour,
        logoUrl: tenant.settings.logoKey ? `${origin}/brand/logo` : null,
      };
      const html =
        doctype +
        renderToStaticMarkup(
          createElement(NotificationMail, { brand, language: content.recipient.language, content, t, lines }),
        );
      const subject =
        content.items.length > 1
          ? t("mail.digestSubject", { count: content.items.length, tenant: tenant.name })
          : (lines[0] ?? tenant.name);
      return { subject, html, text: plainText(html) };
    },
    sms(content: MailContent): string {
      const { t, lines } = translator(content);
      const line =
        content.items.length > 1
          ? t("mail.digestSubject", { count: content.items.length, tenant: tenant.name })
          : lines[0];
      return t("mail.sms", {
        tenant: tenant.name,
        line,
        url: content.items[0]?.url ?? content.preferencesUrl,
      });
    },
  };
}
