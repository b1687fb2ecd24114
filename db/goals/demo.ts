import { eq, inArray } from "drizzle-orm";
import { newId } from "../../core/kernel/ids.ts";
import type { TenantSettings } from "../../core/kernel/tenants/settings.ts";
import { D1GoalStore } from "./store.ts";
import { users } from "../kernel/schema.ts";
import { goals } from "./schema.ts";
import type { TenantScope } from "../kernel/scope.ts";

const day = 24 * 60 * 60_000;

/** Goals' part of a demo tenant's settings, by its slug. */
export const goalsDemoSettings = (slug: string): Partial<TenantSettings> =>
  // A treatment plan's goals: the practitioner keeps them, the client reads and comments (seed 001).
  slug === "ggz" ? { goals: { clientsMayEdit: false } } : {};

/** Sanne's goal in the coaching demo, with a few weeks of progress and a word from Anouk. */
const demo = {
  tenant: "coaching",
  coach: "anouk.devries@koerscoaching.nl",
  client: "sanne.visser@example.nl",
  goal: {
    title: "Elke werkdag een half uur wandelen",
    specific: "In de lunchpauze een half uur buiten lopen, zonder telefoon.",
    measurable: "Ik houd in mijn agenda bij op welke dagen ik heb gewandeld.",
    acceptable: "Ik wil dit zelf: na een wandeling werk ik rustiger.",
    realistic: "Op drukke dagen is een kwartier ook goed; dan loop ik na het werk het andere kwartier.",
  },
  /** Days ago, progress, note. */
  steps: [
    [21, 10, "Eerste week: twee dagen gelukt."],
    [14, 40, "Drie dagen per week gaat goed."],
    [7, 60, "Alleen op maandag lukt het nog niet."],
  ] as const,
  comment: "Mooi hoe je het volhoudt! Wat maakt maandag lastig?",
};

/** Only while Sanne has no goals, so running the seed again adds nothing. */
export async function seedGoals(slug: string, scope: TenantScope): Promise<void> {
  if (slug !== demo.tenant) return;
  const people = await scope.list(users, { where: inArray(users.email, [demo.coach, demo.client]) });
  const coach = people.find((person) => person.email === demo.coach)?.id;
  const client = people.find((person) => person.email === demo.client)?.id;
  if (!coach || !client) return;
  if ((await scope.count(goals, eq(goals.clientUserId, client))) > 0) return;
  const store = new D1GoalStore(scope);
  const now = Date.now();
  const createdAt = new Date(now - 28 * day).toISOString();
  const goalId = newId("goal");
  await store.create(
    {
      id: goalId,
      clientUserId: client,
      ...demo.goal,
      dueOn: new Date(now + 60 * day).toISOString().slice(0, 10),
      progress: 0,
      status: "open",
      createdByUserId: client,
      createdAt,
      updatedAt: createdAt,
      closedAt: null,
    },
    newId("goalProgress"),
  );
  for (const [daysAgo, progress, note] of demo.steps)
    await store.moveProgress(goalId, {
      id: newId("goalProgress"),
      progress,
      note,
      byUserId: client,
      at: new Date(now - daysAgo * day).toISOString(),
    });
  await store.addComment(goalId, {
    id: newId("goalComment"),
    authorUserId: coach,
    body: demo.comment,
    at: new Date(now - 6 * day).toISOString(),
  });
}
