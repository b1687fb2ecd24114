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
