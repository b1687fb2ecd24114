import { and, desc, eq, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { DocumentRecord, DocumentStore, DocumentView } from "../../core/documents/documents.ts";
import { linkOf } from "../../core/documents/links.ts";
import { fileKinds, type FileKindKey } from "../../core/kernel/files/rules.ts";
import { users } from "../kernel/schema.ts";
import { documents } from "./schema.ts";
import { files } from "../kernel/files/schema.ts";
import { claimFiles, filesFree } from "../kernel/files/file-store.ts";
import type { Row, TenantScope } from "../kernel/scope.ts";
import type { RequestKey } from "../../core/kernel/request-keys.ts";
import { once } from "../kernel/request-keys/once.ts";

const recordOf = (row: Row<typeof documents>): DocumentRecord => ({
  id: row.id,
  clientUserId: row.clientUserId,
  authorId: row.authorId,
  side: row.side,
  fileId: row.fileId,
  url: row.url,
  description: row.description,
  createdAt: row.createdAt,
  deletedAt: row.deletedAt,
});

export class D1DocumentStore implements DocumentStore {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  async add(document: DocumentRecord, request?: RequestKey): Promise<string | null> {
    const scope = this.#scope;
    if (!document.fileId) return once(scope, request, document.id, [scope.insert(documents, document)]);
    const fileIds = [document.fileId];
    const free = filesFree(scope, document.authorId, fileIds);
    const written = sql`exists (select 1 from ${documents} where ${scope.where(documents, eq(documents.id, document.id))})`;
    return once(
      scope,
      request,
      document.id,
      [scope.insertWhen(documents, document, free), claimFiles(scope, fileIds, written)],
      free,
    );
  }

  async find(id: string): Promise<DocumentView | null> {
    const row = await this.#scope.findById(documents, id);
    return row ? ((await this.#views([row]))[0] ?? null) : null;
  }

  async ofClient(clientUserId: string, deletedOf: string | null): Promise<DocumentView[]> {
    const rows = await this.#scope.list(documents, {
      where: and(
        eq(documents.clientUserId, clientUserId),
        deletedOf
          ? or(isNull(documents.deletedAt), eq(documents.authorId, deletedOf))
          : isNull(documents.deletedAt),
      ),
      orderBy: desc(documents.createdAt),
      limit: 500,
    });
    return this.#views(rows);
  }

  async setDeleted(id: string, deletedAt: string | null): Promise<void> {
    await this.#scope.update(documents, id, { deletedAt });
  }

  async deletedBefore(before: Date, limit: number): Promise<DocumentRecord[]> {
    const rows = await this.#scope.list(documents, {
      where: and(isNotNull(documents.deletedAt), lt(documents.deletedAt, before.toISOString())),
      limit,
    });
    return rows.map(recordOf);
  }

  async remove(id: string): Promise<void> {
    await this.#scope.delete(documents, id);
  }

  /** The rows with their authors' names and their files, in two reads for the whole list. */
  async #views(rows: Row<typeof documents>[]): Promise<DocumentView[]> {
    if (rows.length === 0) return [];
    const authorIds = [...new Set(rows.map((row) => row.authorId))];
    const fileIds = rows.flatMap((row) => (row.fileId ? [row.fileId] : []));
    const [authors, fileRows] = await this.#scope.batch([
      this.#scope.select(users, { where: inArray(users.id, authorIds), limit: authorIds.length }),
      this.#scope.select(files, {
        where: inArray(files.id, fileIds.length > 0 ? fileIds : [""]),
        limit: Math.max(1, fileIds.length),
      }),
    ]);
    const nameOf = new Map(authors.map((author) => [author.id, author.displayName]));
    const fileOf = new Map(fileRows.map((file) => [file.id, file]));
    return rows.map((row) => {
      const file = row.fileId ? fileOf.get(row.fileId) : undefined;
      const kind = file?.kind as FileKindKey | undefined;
      return {
        ...recordOf(row),
        authorName: nameOf.get(row.authorId) ?? "",
        file:
          file && kind ? { name: file.name, size: file.size, kind, inline: fileKinds[kind].inline } : null,
        link: row.url ? linkOf(row.url) : null,
      };
    });
  }
}
