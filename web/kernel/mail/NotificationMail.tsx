import { Body } from "@react-email/body";
import { Button } from "@react-email/button";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Heading } from "@react-email/heading";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Img } from "@react-email/img";
import { Link } from "@react-email/link";
import { Preview } from "@react-email/preview";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { TFunction } from "i18next";
import { invitationDays } from "../../../core/kernel/auth/invitations.ts";
import { resetMinutes } from "../../../core/kernel/auth/password-reset.ts";
import { definitionOf } from "../../../core/kernel/notifications/kinds.ts";
import type { MailContent } from "../../../core/kernel/notifications/ports.ts";
import type { Language } from "../../../core/kernel/tenants/languages.ts";

export type MailBrand = { name: string; primaryColour: string; logoUrl: string | null };

type Props = {
  brand: MailBrand;
  language: Language;
  content: MailContent;
  t: TFunction;
  /** The line per item, already translated. */
  lines: string[];
};

const text = { fontSize: "16px", lineHeight: "24px", color: "#1b1f23" };
const small = { fontSize: "13px", lineHeight: "20px", color: "#4a5560" };

/**
 * The one mail every notification uses: the tenant's name, logo and colour, a line per item and a
 * button into the portal. By design it has no place for the content of a message, document or
 * answer: it only says that something waits, and from whom when the tenant allows it.
 */
export function NotificationMail({ brand, language, content, t, lines }: Props) {
  const digest = content.items.length > 1;
  const first = content.items[0];
  // Account mail (invitation, reset) has its own button and note, and no content to keep private.
  const accountMail = first ? !definitionOf(first.kind).inApp : false;
  const note =
    first && !digest
      ? t(`mail.note.${first.kind}`, { days: invitationDays, minutes: resetMinutes, defaultValue: "" })
      : "";
  const intro = digest
    ? t("mail.introDigest", { count: content.items.length, tenant: brand.name })
    : t("mail.intro", { tenant: brand.name });
  return (
    <Html lang={language}>
      <Head />
      <Preview>{digest ? intro : (lines[0] ?? intro)}</Preview>
      <Body
        style={{
          backgroundColor: "#f4f5f7",
          fontFamily: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
        }}
      >
        <Container style={{ maxWidth: "560px", backgroundColor: "#ffffff", borderRadius: "8px" }}>
          <Section
            style={{
              backgroundColor: brand.primaryColour,
              padding: "16px 24px",
              borderRadius: "8px 8px 0 0",
            }}
          >
            {brand.logoUrl ? (
              <Img
                src={brand.logoUrl}
                alt={brand.name}
                height="40"
                style={{ backgroundColor: "#ffffff", padding: "4px" }}
              />
            ) : null}
            <Heading
              as="h1"
              style={{ color: "#ffffff", fontSize: "20px", margin: brand.logoUrl ? "8px 0 0" : "0" }}
            >
              {brand.name}
            </Heading>
          </Section>
          <Section style={{ padding: "8px 24px 24px" }}>
            <Text style={text}>{t("mail.greeting", { name: content.recipient.displayName })}</Text>
            <Text style={text}>{intro}</Text>
            {content.items.map((item, index) => (
              <Text key={item.url + index} style={{ ...text, fontWeight: 600, margin: "4px 0" }}>
                {digest ? <Link href={item.url}>{lines[index]}</Link> : lines[index]}
              </Text>
            ))}
            {first ? (
              <Button
                href={first.url}
                style={{
                  backgroundColor: brand.primaryColour,
                  color: "#ffffff",
                  padding: "12px 20px",
                  borderRadius: "6px",
                  fontWeight: 600,
                  marginTop: "16px",
                }}
              >
                {accountMail ? t(`mail.action.${first.kind}`) : t("mail.open")}
              </Button>
            ) : null}
            {note ? <Text style={text}>{note}</Text> : null}
            {accountMail ? null : <Text style={small}>{t("mail.privacy")}</Text>}
            <Hr />
            <Text style={small}>{t("mail.why", { tenant: brand.name })}</Text>
            {content.unsubscribe.map((link) => (
              <Text key={link.kind} style={{ ...small, margin: "4px 0" }}>
                <Link href={link.url}>
                  {t("mail.unsubscribe", { kind: t(`notifications.kinds.${link.kind}.label`) })}
                </Link>
              </Text>
            ))}
            <Text style={{ ...small, margin: "4px 0" }}>
              <Link href={content.preferencesUrl}>{t("mail.settings")}</Link>
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
