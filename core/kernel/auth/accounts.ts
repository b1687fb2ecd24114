import type { Language } from "../tenants/languages.ts";
import type { Role } from "./permissions.ts";

export type Account = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  status: "invited" | "active" | "disabled";
  language: Language;
  timeZone: string;
  passwordHash: string | null;
  mustChangePassword: boolean;
};

/** The tenant's accounts; implemented in db/ over the tenant's cell. */
export interface AccountStore {
  byEmail(email: string): Promise<Account | null>;
  setPassword(id: string, passwordHash: string, mustChangePassword: boolean): Promise<void>;
}

/** E-mail addresses compare without case or surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A person as the API lists them: who and in which role, never a password, factor or session. */
export type PersonSummary = Pick<Account, "id" | "email" | "displayName" | "role" | "status"> & {
  createdAt: string;
};

/** The tenant's people in id order (ids sort by creation), a page at a time. */
export interface PeopleDirectory {
  /** Up to `limit` people whose id comes after `cursor` (from the start when null). */
  after(cursor: string | null, limit: number): Promise<PersonSummary[]>;
}

/** One page and the cursor of the next, or null on the last page. */
export async function pageOfPeople(
  directory: PeopleDirectory,
  cursor: string | null,
  limit: number,
): Promise<{ people: PersonSummary[]; nextCursor: string | null }> {
  const people = await directory.after(cursor, limit + 1);
  const page = people.slice(0, limit);
  return { people: page, nextCursor: people.length > limit ? page.at(-1)!.id : null };
}
