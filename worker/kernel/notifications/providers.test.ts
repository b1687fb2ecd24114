import { describe, expect, it } from "vitest";
import { DeliveryError } from "../../../core/kernel/notifications/ports.ts";
import { ResendMail } from "./resend.ts";
import { TwilioSms } from "./twilio.ts";

// The providers' own services are outside the platform: these tests check the requests Portaal
// sends and how it reads the answers, with a fetch that answers as the provider documents.
function recorder(status: number, body: unknown) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetcher = async (url: string, init: RequestInit) => {
    requests.push({ url, init });
    return new Response(JSON.stringify(body), { status });
  };
  return { requests, fetcher };
}

const mail = {
  tenantId: "ten_x",
  to: "sanne@example.nl",
  from: "Koers Coaching <noreply@portaal.app>",
  subject: "Nieuw bericht van Anouk",
  html: "<p>html</p>",
  text: "text",
  headers: { "List-Unsubscribe": "<https://x/unsubscribe/t>" },
  idempotencyKey: "bat_1",
  attempt: 1,
};

describe("Resend", () => {
  it("posts the mail with the batch id as idempotency key", async () => {
    const { requests, fetcher } = recorder(200, { id: "re_123" });
    expect(await new ResendMail("re_key", fetcher).sendMail(mail)).toEqual({ id: "re_123" });
    const [request] = requests;
    expect(request!.url).toBe("https://api.resend.com/emails");
    const headers = new Headers(request!.init.headers);
    expect(headers.get("authorization")).toBe("Bearer re_key");
    expect(headers.get("idempotency-key")).toBe("bat_1");
    expect(JSON.parse(String(request!.init.body))).toMatchObject({
      to: ["sanne@example.nl"],
      subject: "Nieuw bericht van Anouk",
      headers: { "List-Unsubscribe": "<https://x/unsubscribe/t>" },
    });
  });

  it("attaches files as base64 content with their content type, and sends no field without them", async () => {
    const { requests, fetcher } = recorder(200, { id: "re_124" });
    const file = {
      filename: "afspraak-2026-12-01.ics",
      contentType: "text/calendar; charset=utf-8; method=PUBLISH",
      content: btoa("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"),
    };
    await new ResendMail("re_key", fetcher).sendMail({ ...mail, attachments: [file] });
    await new ResendMail("re_key", fetcher).sendMail(mail);
    expect(JSON.parse(String(requests[0]!.init.body)).attachments).toEqual([
      { filename: file.filename, content: file.content, content_type: file.contentType },
    ]);
    expect(JSON.parse(String(requests[1]!.init.body))).not.toHaveProperty("attachments");
  });

  it("reads a refused address as permanent, a rate limit or outage as temporary", async () => {
    const failure = async (status: number) =>
      new ResendMail("re_key", recorder(status, { message: "no" }).fetcher)
        .sendMail(mail)
        .catch((error) => error);
    for (const status of [400, 422]) expect(await failure(status)).toMatchObject({ permanent: true });
    for (const status of [401, 429, 500, 503])
      expect(await failure(status)).toMatchObject({ permanent: false });
    const unreachable = await new ResendMail("re_key", () => Promise.reject(new Error("connection reset")))
      .sendMail(mail)
      .catch((error) => error);
    expect(unreachable).toBeInstanceOf(DeliveryError);
    expect(unreachable.permanent).toBe(false);
  });
});

describe("Twilio", () => {
  it("posts the text form-encoded with basic auth", async () => {
    const { requests, fetcher } = recorder(201, { sid: "SM1" });
    const sms = {
      tenantId: "ten_x",
      to: "+31612345678",
      from: "Portaal",
      text: "Koers: nieuw",
      idempotencyKey: "bat_2",
      attempt: 1,
    };
    expect(await new TwilioSms("AC1", "secret", fetcher).sendSms(sms)).toEqual({ id: "SM1" });
    expect(requests[0]!.url).toBe("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json");
    expect(new Headers(requests[0]!.init.headers).get("authorization")).toBe(`Basic ${btoa("AC1:secret")}`);
    expect(new URLSearchParams(String(requests[0]!.init.body)).get("To")).toBe("+31612345678");
  });
});
