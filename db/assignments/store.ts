import { and, asc, desc, eq, inArray, isNull, ne, sql, type SQL } from "drizzle-orm";
import type {
  Assignment,
  AssignmentCopy,
  AssignmentEntry,
  AssignmentStatus,
  Attachment,
  ClientAssignment,
} from "../../core/assignments/assignment.ts";
import type {
  AssignedClient,
  AssignmentStore,
  NewAssignment,
  NewEntry,
  SetAssignment,
} from "../../core/assignments/store.ts";
import { newId } from "../../core/kernel/ids.ts";
import { careTeamMembers, users } from "../kernel/schema.ts";
import { assignmentCopies, assignmentEntries, assignmentFiles, assignments } from "./schema.ts";
import { claimFiles, filesFree } from "../kernel/files/file-store.ts";
import type { RequestKey } from "../../core/kernel/request-keys.ts";
import { once } from "../kernel/request-keys/once.ts";
import { files } from "../kernel/files/schema.ts";
import { chunked, maxParameters, type Row, type TenantScope } from "../kernel/scope.ts";

/** How many rows one list reads at most; a client with more sees the newest. */
const listLimit = 500;

export class D1AssignmentStore implements AssignmentStore {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  async create(
    assignment: NewAssignment,
    clientUserIds: readonly string[],
    fileIds: readonly string[],
    request?: RequestKey,
  ): Promise<string | null> {
    const scope = this.#scope;
    const free = fileIds.length > 0 ? filesFree(scope, assignment.authorUserId, fileIds) : sql`1`;
    // The copies and files follow the assignment only when it was written here.
    const written = sql`exists (select 1 from ${assignments} where ${scope.where(assignments, eq(assignments.id, assignment.id))})`;
    const copies = clientUserIds.map((clientUserId) =>
      scope.insertWhen(
        assignmentCopies,
        {
          id: newId("assignmentCopy"),
          assignmentId: assignment.id,
          clientUserId,
          status: "open" as const,
          openedAt: null,
          updatedAt: assignment.createdAt,
        },
        written,
      ),
    );
    return once(
      scope,
      request,
      assignment.id,
      [
        scope.insertWhen(assignments, assignment, free),
        ...copies,
        ...this.#link(assignment.id, null, null, fileIds, assignment.createdAt, written),
      ],
      free,
    );
  }

  /** Rows that put the files on the assignment, and the end of their expiry: for one batch, when `onlyIf`. */
  #link(
    assignmentId: string,
    copyId: string | null,
    entryId: string | null,
    fileIds: readonly string[],
    at: string,
    onlyIf: SQL = sql`1`,
  ) {
    return [
      ...fileIds.map((fileId) =>
        this.#scope.insertWhen(
          assignmentFiles,
          { id: newId("assignmentFile"), assignmentId, copyId, entryId, fileId, createdAt: at },
          onlyIf,
        ),
      ),
      ...(fileIds.length > 0 ? [claimFiles(this.#scope, fileIds, onlyIf)] : []),
    ];
  }

  async filesOf(assignmentId: string): Promise<Attachment[]> {
    const rows = await this.#scope.joinMany(
      assignmentFiles,
      files,
      eq(files.id, assignmentFiles.fileId),
      eq(assignmentFiles.assignmentId, assignmentId),
      { orderBy: asc(assignmentFiles.createdAt), limit: listLimit },
    );
    return rows.map(({ left, right }) => ({
      fileId: right.id,
      copyId: left.copyId,
      entryId: left.entryId,
      name: right.name,
      size: right.size,
      kind: right.kind,
    }));
  }

  async find(assignmentId: string): Promise<Assignment | null> {
    const row = await this.#scope.joinOne(
      assignments,
      users,
      eq(users.id, assignments.authorUserId),
      eq(assignments.id, assignmentId),
    );
    return row ? assignmentOf(row.left, row.right.displayName) : null;
  }

  async copiesOf(assignmentId: string): Promise<AssignmentCopy[]> {
    const rows = await this.#scope.joinMany(
      assignmentCopies,
      users,
      eq(users.id, assignmentCopies.clientUserId),
      eq(assignmentCopies.assignmentId, assignmentId),
      { orderBy: asc(users.displayName), limit: listLimit },
    );
    return rows.map(({ left, right }) => copyOf(left, right.displayName));
  }

  async copyOf(assignmentId: string, clientUserId: string): Promise<AssignmentCopy | null> {
    const row = await this.#scope.joinOne(
      assignmentCopies,
      users,
      eq(users.id, assignmentCopies.clientUserId),
      and(eq(assignmentCopies.assignmentId, assignmentId), eq(assignmentCopies.clientUserId, clientUserId))!,
    );
    return row ? copyOf(row.left, row.right.displayName) : null;
  }

  async ofClient(clientUserId: string): Promise<ClientAssignment[]> {
    const rows = await this.#scope.joinMany(
      assignmentCopies,
      assignments,
      eq(assignments.id, assignmentCopies.assignmentId),
      eq(assignmentCopies.clientUserId, clientUserId),
      { orderBy: desc(assignments.createdAt), limit: listLimit },
    );
    const names = await this.#names([clientUserId, ...rows.map(({ right }) => right.authorUserId)]);
    return rows.map(({ left, right }) => ({
      assignment: assignmentOf(right, names.get(right.authorUserId) ?? ""),
      copy: copyOf(left, names.get(clientUserId) ?? ""),
    }));
  }

  async setBy(staffUserId: string): Promise<SetAssignment[]> {
    const [rows, clients] = await Promise.all([
      this.#scope.list(assignments, {
        where: eq(assignments.authorUserId, staffUserId),
        orderBy: desc(assignments.createdAt),
        limit: listLimit,
      }),
      this.assignedClients(staffUserId),
    ]);
    const mine = new Set(clients.map((client) => client.userId));
    const copies = await this.#inChunks(
      rows.map((row) => row.id),
      (ids) =>
        this.#scope.list(assignmentCopies, {
          where: inArray(assignmentCopies.assignmentId, ids),
          limit: listLimit * 100,
        }),
    );
    const author = (await this.#names([staffUserId])).get(staffUserId) ?? "";
    return rows.map((row) => {
      const counts: Record<AssignmentStatus, number> = { open: 0, handedIn: 0, reviewed: 0 };
      for (const copy of copies)
        if (copy.assignmentId === row.id && mine.has(copy.clientUserId)) counts[copy.status] += 1;
      return { ...assignmentOf(row, author), counts };
    });
  }

  async entriesOf(copyIds: readonly string[]): Promise<AssignmentEntry[]> {
    const rows = await this.#inChunks(copyIds, (ids) =>
      this.#scope.joinMany(
        assignmentEntries,
        users,
        eq(users.id, assignmentEntries.authorUserId),
        inArray(assignmentEntries.copyId, ids),
        { orderBy: asc(assignmentEntries.createdAt), limit: listLimit },
      ),
    );
    return rows
      .map(({ left, right }) => ({
        id: left.id,
        copyId: left.copyId,
        kind: left.kind,
        authorUserId: left.authorUserId,
        authorName: right.displayName,
        body: left.body,
        createdAt: left.createdAt,
      }))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async assignedClients(staffUserId: string): Promise<AssignedClient[]> {
    const rows = await this.#scope.joinMany(
      careTeamMembers,
      users,
      and(
        eq(users.id, careTeamMembers.clientUserId),
        eq(users.role, "client"),
        ne(users.status, "disabled"),
      )!,
      eq(careTeamMembers.staffUserId, staffUserId),
      { orderBy: asc(users.displayName), limit: 1_000 },
    );
    return rows.map(({ right }) => ({ userId: right.id, displayName: right.displayName }));
  }

  async markOpened(copyId: string, at: string): Promise<void> {
    await this.#scope.updateWhere(
      assignmentCopies,
      and(eq(assignmentCopies.id, copyId), isNull(assignmentCopies.openedAt))!,
      { openedAt: at },
    );
  }

  async addEntry(
    { assignmentId, ...entry }: NewEntry & { assignmentId: string },
    from: AssignmentStatus,
    to: AssignmentStatus,
    fileIds: readonly string[],
  ): Promise<boolean> {
    const scope = this.#scope;
    // Each write waits on the copy still being in `from` (then on the entry): of two hand-ins sent
    // at once, D1 runs one batch after the other and the second finds the copy handed in.
    const stillFrom = sql`exists (select 1 from ${assignmentCopies} where ${assignmentCopies.tenantId} = ${scope.tenantId}
      and ${assignmentCopies.id} = ${entry.copyId} and ${assignmentCopies.status} = ${from})`;
    const entered = sql`exists (select 1 from ${assignmentEntries} where ${assignmentEntries.tenantId} = ${scope.tenantId}
      and ${assignmentEntries.id} = ${entry.id})`;
    const [inserted] = await scope.batch([
      scope.insertWhen(assignmentEntries, entry, stillFrom),
      scope.updateWhere(assignmentCopies, and(eq(assignmentCopies.id, entry.copyId), entered) as SQL, {
        status: to,
        updatedAt: entry.createdAt,
      }),
      ...this.#link(assignmentId, entry.copyId, entry.id, fileIds, entry.createdAt, entered),
    ]);
    return inserted.meta.changes > 0;
  }

  async #names(userIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.#inChunks([...new Set(userIds)], (ids) =>
      this.#scope.list(users, { where: inArray(users.id, ids), limit: ids.length }),
    );
    return new Map(rows.map((row) => [row.id, row.displayName]));
  }

  /** A read per chunk of ids, so that no statement binds more than D1 allows. */
  async #inChunks<T>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
    const parts = await Promise.all(chunked(ids, maxParameters - 10).map(read));
    return parts.flat();
  }
}

function assignmentOf(row: Row<typeof assignments>, authorName: string): Assignment {
  return {
    id: row.id,
    authorUserId: row.authorUserId,
    authorName,
    title: row.title,
    description: row.description,
    createdAt: row.createdAt,
  };
}

function copyOf(row: Row<typeof assignmentCopies>, clientName: string): AssignmentCopy {
  return {
    id: row.id,
    assignmentId: row.assignmentId,
    clientUserId: row.clientUserId,
    clientName,
    status: row.status,
    openedAt: row.openedAt,
    updatedAt: row.updatedAt,
  };
}
