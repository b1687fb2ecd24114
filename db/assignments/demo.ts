import { eq, inArray } from "drizzle-orm";
import { newId } from "../../core/kernel/ids.ts";
import { D1AssignmentStore } from "./store.ts";
import { users } from "../kernel/schema.ts";
import { assignments } from "./schema.ts";
import type { TenantScope } from "../kernel/scope.ts";

/** One assignment in the coaching demo: Anouk set it for Sanne and Daan (only when she has set none). */
const demo = {
  tenant: "coaching",
  author: "anouk.devries@koerscoaching.nl",
  clients: ["sanne.visser@example.nl", "daan.mulder@example.nl"],
  title: "Mijn vijf kernwaarden",
  description: [
    "Kies uit de lijst de **vijf waarden** die voor jou het belangrijkst zijn.",
    "",
    "1. Lees de lijst rustig door.",
    "2. Streep aan wat je raakt.",
    "3. Houd er vijf over en schrijf bij elk waarom.",
    "",
    "Meer uitleg: [waarden en keuzes](https://nl.wikipedia.org/wiki/Waarde_(ethiek)).",
  ].join("\n"),
};

export async function seedAssignments(slug: string, scope: TenantScope): Promise<void> {
  if (slug !== demo.tenant) return;
  const people = await scope.list(users, { where: inArray(users.email, [demo.author, ...demo.clients]) });
  const idOf = (email: string) => people.find((person) => person.email === email)?.id;
  const author = idOf(demo.author);
  const clients = demo.clients.map(idOf).filter((id): id is string => Boolean(id));
  if (!author || clients.length === 0) return;
  if ((await scope.count(assignments, eq(assignments.authorUserId, author))) > 0) return;
  const now = new Date();
  await new D1AssignmentStore(scope).create(
    {
      id: newId("assignment", now.getTime()),
      authorUserId: author,
      title: demo.title,
      description: demo.description,
      createdAt: now.toISOString(),
    },
    clients,
    [],
  );
}
