import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantRecord } from "../../core/kernel/tenants/tenant.ts";
import { careTeamMembers } from "../../db/kernel/schema.ts";
import { assignmentFiles, assignments } from "../../db/assignments/schema.ts";
import { files } from "../../db/kernel/files/schema.ts";
import { platformData } from "../../db/kernel/platform.ts";
import { pdfOf, text, uploadedBy, type Bytes } from "../kernel/testing/files.ts";
import { addUser, createTenant, signIn, visit } from "../kernel/testing/fixtures.ts";

const data = platformData(env);
const host = "assignment-files.localhost";
const password = "een lang en sterk wachtwoord";
let tenant: TenantRecord;
const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};

const scope = () => data.scopeIn(tenant.cell, tenant.id);
const page = (as: string, path: string) => visit(host, path, { headers: { cookie: cookies[as]! } });
/** A form as its page sends it, with the key the page renders with each form. */
const send = (as: string, path: string, fields: [string, string][]) =>
  visit(host, path, {
    method: "POST",
    headers: {
      cookie: cookies[as]!,
      origin: `http://${host}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams([["formKey", crypto.randomUUID()], ...fields]).toString(),
  });

const uploaded = (as: string, name: string, bytes: Bytes) => uploadedBy(tenant, ids[as]!, name, bytes);

beforeAll(async () => {
  await data.control.savePlan({
    id: "assignment-files-plan",
    name: "Assignments",
    features: ["assignments"],
  });
  const settings = { secondFactor: { required: [] } };
  tenant = await createTenant("assignment-files", "TENANT_DB_1", {
    planId: "assignment-files-plan",
    settings,
  });

  for (const [name, role] of [
    ["staff", "staff"],
    ["one", "client"],
    ["two", "client"],
  ] as const)
    ids[name] = await addUser(tenant, { email: `${name}@assignment-files.test`, role, password });
  const now = new Date().toISOString();
  await scope().insert(
    careTeamMembers,
    ["one", "two"].map((name) => ({
      id: `ctm_${crypto.randomUUID()}`,
      clientUserId: ids[name]!,
      staffUserId: ids.staff!,
      createdAt: now,
    })),
  );
  for (const name of ["staff", "one", "two"])
    cookies[name] = await signIn(host, `${name}@assignment-files.test`, password);
}, 120_000);

describe("files on an assignment", () => {
  let id: string;
  let sheet: string;
  let work: string;

  it("puts the staff member's uploaded file on the assignment for both clients; linking ends its expiry", async () => {
    sheet = await uploaded("staff", "werkblad.pdf", pdfOf(2_000));
    const response = await send("staff", "/assignments/new", [
      ["title", "Met werkblad"],
      ["description", "Vul het werkblad in."],
      ["client", ids.one!],
      ["client", ids.two!],
      ["file", sheet],
    ]);
    expect(response.status).toBe(302);
    id = /\/assignments\/([^?]+)/.exec(response.headers.get("location")!)![1]!;
    const [row] = await scope().list(files, { where: eq(files.id, sheet) });
    expect(row!.expiresAt).toBeNull();
    for (const name of ["one", "two"]) {
      const html = await (await page(name, `/assignments/${id}`)).text();
      expect(html).toContain(`href="/assignments/${id}/files/${sheet}"`);
      expect(html).toContain("werkblad.pdf");
    }
    const download = await page("two", `/assignments/${id}/files/${sheet}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toBe(
      `attachment; filename="werkblad.pdf"; filename*=UTF-8''werkblad.pdf`,
    );
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await download.arrayBuffer()).byteLength).toBe(2_000);
    // Viewed, the PDF opens as a sandboxed page of its own.
    const viewed = await page("one", `/assignments/${id}/files/${sheet}?view=inline`);
    expect(viewed.headers.get("content-disposition")).toMatch(/^inline; /);
    expect(viewed.headers.get("content-security-policy")).toContain("sandbox");
    await viewed.body?.cancel();
  });

  it("takes files with a hand-in, shown to that client and the staff, not to the other client", async () => {
    work = await uploaded("one", "antwoord.txt", text("Mijn antwoorden"));
    const handedIn = await send("one", `/assignments/${id}`, [
      ["intent", "handIn"],
      ["text", ""],
      ["file", work],
    ]);
    expect(handedIn.status).toBe(302);
    const staffView = await (await page("staff", `/assignments/${id}`)).text();
    expect(staffView).toContain(`/assignments/${id}/files/${work}`);
    expect(await (await page("staff", `/assignments/${id}/files/${work}`)).text()).toBe("Mijn antwoorden");
    const other = await (await page("two", `/assignments/${id}`)).text();
    expect(other).not.toContain(work);
    expect((await page("two", `/assignments/${id}/files/${work}`)).status).toBe(404);
  });

  it("refuses a file that is someone else's or already used, and writes nothing", async () => {
    const before = await scope().count(assignments);
    const theirs = await uploaded("two", "van-two.txt", text("Van two"));
    for (const file of [theirs, work, "fil_00000000000000000000000000"]) {
      const response = await send("staff", "/assignments/new", [
        ["title", "Poging"],
        ["description", "Met andermans bestand"],
        ["client", ids.one!],
        ["file", file],
      ]);
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain("Een bijlage is niet (meer) beschikbaar. Upload hem opnieuw.");
      expect(html).toContain('value="Poging"');
    }
    expect(await scope().count(assignments)).toBe(before);
    // A form refused for its text keeps the staff member's upload for the next try.
    const own = await uploaded("staff", "eigen.pdf", pdfOf());
    const untitled = await send("staff", "/assignments/new", [
      ["title", ""],
      ["description", "Zonder titel"],
      ["client", ids.one!],
      ["file", own],
    ]);
    expect(untitled.status).toBe(400);
    const kept = await untitled.text();
    expect(kept).toContain(`name="file" value="${own}"`);
    expect(kept).toContain("eigen.pdf");
    const handIn = await send("one", `/assignments/${id}`, [
      ["intent", "handIn"],
      ["text", "Met een bestand van two"],
      ["file", theirs],
    ]);
    // Handed in already and awaiting feedback: the file is refused first, at the form.
    expect(handIn.status).toBe(400);
    expect(await scope().count(assignmentFiles, eq(assignmentFiles.fileId, theirs))).toBe(0);
  });

  it("answers 404 for a file of another assignment or to someone outside it", async () => {
    const other = await send("staff", "/assignments/new", [
      ["title", "Zonder bestand"],
      ["description", "Niets"],
      ["client", ids.two!],
    ]);
    const otherId = /\/assignments\/([^?]+)/.exec(other.headers.get("location")!)![1]!;
    expect((await page("two", `/assignments/${otherId}/files/${sheet}`)).status).toBe(404);
    expect((await page("one", `/assignments/${otherId}/files/${sheet}`)).status).toBe(404);
  });
});

describe("a new assignment sent several times at once", () => {
  const form = (formKey: string, file: string): [string, string][] => [
    ["formKey", formKey],
    ["title", "Vijf keer verstuurd"],
    ["description", "Een keer bedoeld"],
    ["client", ids.one!],
    ["file", file],
  ];
  /** The form as the browser sends it, its own key included. */
  const resend = (fields: [string, string][]) =>
    visit(host, "/assignments/new", {
      method: "POST",
      headers: {
        cookie: cookies.staff!,
        origin: `http://${host}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(fields).toString(),
    });

  it("sets one assignment for the same form sent five times, and every answer leads to it", async () => {
    const before = await scope().count(assignments);
    const file = await uploaded("staff", "eenmaal.pdf", pdfOf());
    const fields = form(crypto.randomUUID(), file);
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => resend(fields)));
    expect(answers.map((answer) => answer.status)).toEqual([302, 302, 302, 302, 302]);
    expect(new Set(answers.map((answer) => answer.headers.get("location"))).size).toBe(1);
    expect(await scope().count(assignments)).toBe(before + 1);
    expect(await scope().count(assignmentFiles, eq(assignmentFiles.fileId, file))).toBe(1);
  });

  it("puts a file on one of two different assignments sent at once; the other is refused at its field", async () => {
    const file = await uploaded("staff", "gedeeld.pdf", pdfOf());
    const answers = await Promise.all([
      resend(form(crypto.randomUUID(), file)),
      resend(form(crypto.randomUUID(), file)),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([302, 400]);
    const refused = answers.find((answer) => answer.status === 400)!;
    expect(await refused.text()).toContain("Een bijlage is niet (meer) beschikbaar. Upload hem opnieuw.");
    expect(await scope().count(assignmentFiles, eq(assignmentFiles.fileId, file))).toBe(1);
  });
});
