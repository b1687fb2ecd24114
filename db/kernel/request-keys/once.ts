import { and, eq, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { newId } from "../../../core/kernel/ids.ts";
import type { RequestKey } from "../../../core/kernel/request-keys.ts";
import type { TenantScope } from "../scope.ts";
import { requestKeys } from "./schema.ts";

type Written = { meta: { changes: number } };

/**
 * Runs a create's statements as one batch after the request's key, and returns the id of the row
 * the key stands for: `targetId` when this batch wrote it, the earlier row's when the same request
 * came before (or at the same moment: D1 runs one batch at a time, and the unique key fails the
 * later batch whole). `onlyIf` is the condition the create's first statement is written under
 * (its files still free): the key is kept only when it holds, so a refused request leaves
 * nothing behind; null says it did not hold and no earlier request had the key (a request that
 * did took the files itself). Without a key (the demo seed) the statements run alone.
 */
export async function once(
  scope: TenantScope,
  request: RequestKey | undefined,
  targetId: string,
  statements: readonly [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]],
  onlyIf?: SQL,
): Promise<string | null> {
  if (!request) {
    const [first] = (await scope.batch(statements)) as unknown as Written[];
    return onlyIf && first!.meta.changes === 0 ? null : targetId;
  }
  const key = { id: newId("requestKey"), ...request, targetId, createdAt: new Date().toISOString() };
  const earlier = async () =>
    (
      await scope.findOne(
        requestKeys,
        and(
          eq(requestKeys.userId, request.userId),
          eq(requestKeys.kind, request.kind),
          eq(requestKeys.key, request.key),
        ),
      )
    )?.targetId ?? null;
  try {
    const [kept] = (await scope.batch([
      onlyIf ? scope.insertWhen(requestKeys, key, onlyIf) : scope.insert(requestKeys, key),
      ...statements,
    ])) as unknown as Written[];
    return kept!.meta.changes === 0 ? earlier() : targetId;
  } catch (error) {
    const held = await earlier();
    if (held) return held;
    throw error;
  }
}
