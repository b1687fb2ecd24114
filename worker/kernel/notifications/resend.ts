import type { MailProvider, OutgoingMail } from "../../../core/kernel/notifications/ports.ts";
import { post, type Fetch } from "./http-provider.ts";

/**
 * Resend's HTTP API (ADR 0007): one POST per mail from the Worker, with our batch id as its
 * Idempotency-Key, so that Resend itself sends a retried request once.
 */
export class ResendMail implements MailProvider {
  readonly #apiKey: string;
  readonly #fetch: Fetch;

  constructor(apiKey: string, fetcher: Fetch = fetch) {
    this.#apiKey = apiKey;
    this.#fetch = fetcher;
  }

  async sendMail(mail: OutgoingMail): Promise<{ id: string }> {
    const answer = (await post(
      this.#fetch,
      "https://api.resend.com/emails",
      {
        headers: {
          authorization: `Bearer ${this.#apiKey}`,
          "content-type": "application/json",
          "idempotency-key": mail.idempotencyKey,
        },
        body: JSON.stringify({
          from: mail.from,
          to: [mail.to],
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          headers: mail.headers,
          // Resend takes a file as base64 `content` with its `content_type`.
          attachments: mail.attachments?.map(({ filename, contentType, content }) => ({
            filename,
            content,
            content_type: contentType,
          })),
        }),
      },
      "Resend",
    )) as { id?: string };
    return { id: answer.id ?? mail.idempotencyKey };
  }
}
