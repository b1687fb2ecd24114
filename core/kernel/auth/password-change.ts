import type { Account } from "./accounts.ts";
import type { LoginDeps } from "./login.ts";
import { hashPassword } from "./password-hash.ts";
import { confirmPassword } from "./reauth.ts";
import { checkNewPassword } from "./new-password.ts";
import type { PasswordPolicy, PasswordRule } from "./password-policy.ts";

export type PasswordChange = { current: string; next: string; confirm: string };

export type PasswordChangeResult =
  | { ok: true }
  | {
      ok: false;
      errors: Partial<
        Record<keyof PasswordChange, "currentWrong" | "mismatch" | "same" | "broken" | "throttled">
      >;
      broken: PasswordRule[];
    };

/**
 * Changing one's password asks for the current one (re-authentication, also after a temporary
 * password), checks the new one against the tenant's rules and the common-password list, and ends
 * every other session of the account.
 */
export async function changePassword(
  deps: LoginDeps,
  account: Account,
  sessionId: string,
  policy: PasswordPolicy,
  input: PasswordChange,
  client: { ipAddress: string | null; userAgent: string | null },
): Promise<PasswordChangeResult> {
  const confirmed = await confirmPassword(deps, account, input.current, client, {
    action: "auth.password.change",
  });
  if (confirmed === "throttled") return { ok: false, errors: { current: "throttled" }, broken: [] };
  if (confirmed === "wrong") return { ok: false, errors: { current: "currentWrong" }, broken: [] };
  const { broken, errors: found } = await checkNewPassword(input.next, input.confirm, policy, account);
  const errors: Extract<PasswordChangeResult, { ok: false }>["errors"] = {};
  if (found.password) errors.next = found.password;
  else if (input.next === input.current) errors.next = "same";
  if (found.confirm) errors.confirm = found.confirm;
  if (Object.keys(errors).length > 0) return { ok: false, errors, broken };

  await deps.accounts.setPassword(account.id, await hashPassword(input.next), false);
  await deps.sessions.endAllOf(account.id, sessionId);
  await deps.audit.record({
    action: "auth.password.change",
    result: "success",
    actorUserId: account.id,
    ...client,
  });
  return { ok: true };
}
