import type { OutgoingSms, SmsProvider } from "../../../core/kernel/notifications/ports.ts";
import { post, type Fetch } from "./http-provider.ts";

/** Twilio's Messages API (ADR 0007): outgoing SMS only; Portaal takes no SMS in. */
export class TwilioSms implements SmsProvider {
  readonly #accountSid: string;
  readonly #authToken: string;
  readonly #fetch: Fetch;

  constructor(accountSid: string, authToken: string, fetcher: Fetch = fetch) {
    this.#accountSid = accountSid;
    this.#authToken = authToken;
    this.#fetch = fetcher;
  }

  async sendSms(sms: OutgoingSms): Promise<{ id: string }> {
    const answer = (await post(
      this.#fetch,
      `https://api.twilio.com/2010-04-01/Accounts/${encodeURIComponent(this.#accountSid)}/Messages.json`,
      {
        headers: {
          authorization: `Basic ${btoa(`${this.#accountSid}:${this.#authToken}`)}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({ To: sms.to, From: sms.from, Body: sms.text }).toString(),
      },
      "Twilio",
    )) as { sid?: string };
    return { id: answer.sid ?? sms.idempotencyKey };
  }
}
