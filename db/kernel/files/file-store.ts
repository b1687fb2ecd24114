import { and, asc, eq, inArray, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import { newId } from "../../../core/kernel/ids.ts";
import type { FileStore, ReceivedPart, StoredFile } from "../../../core/kernel/files/uploads.ts";
import type { FileKindKey } from "../../../core/kernel/files/rules.ts";
import { fileParts, files } from "./schema.ts";
import type { Row, TenantScope } from "../scope.ts";

const fileOf = (row: Row<typeof files>): StoredFile => ({
  id: row.id,
  uploaderId: row.uploaderId,
  name: row.name,
  kind: row.kind as FileKindKey,
  size: row.size,
  status: row.status,
  objectKey: row.objectKey,
  multipartId: row.multipartId,
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
});

/**
 * Whether every one of these (distinct) files is still the uploader's finished upload that nothing
 * links: the condition of the row that is to link them. SQLite decides it inside the statement that
 * writes the row, and D1 runs one batch at a time, so of two rows that want the same file at once
 * (two documents, a document and a message) exactly one is written.
 */
export const filesFree = (scope: TenantScope, uploaderId: string, fileIds: readonly string[]) =>
  sql`(select count(*) from ${files} where ${scope.where(
    files,
    inArray(files.id, [...fileIds]),
    eq(files.uploaderId, uploaderId),
    eq(files.status, "stored"),
    isNotNull(files.expiresAt),
  )}) = ${fileIds.length}`;

/**
 * The statement that links files to a capability's row: they no longer expire. It belongs in the
 * same batch as the row, after it, on condition that the row was written there (`onlyIf`), so a
 * file is never linked to a row that was not written.
 */
export const claimFiles = (scope: TenantScope, fileIds: readonly string[], onlyIf?: SQL) =>
  scope.updateWhere(files, and(inArray(files.id, [...fileIds]), onlyIf) as SQL, { expiresAt: null });

export class D1FileStore implements FileStore {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  /** The quota is checked inside the insert itself, so two uploads at once cannot both slip past it. */
  async reserve(file: StoredFile, quotaBytes: number): Promise<boolean> {
    const { tenantId } = this.#scope;
    const over = sql`(select coalesce(sum(${files.size}), 0) from ${files} where ${files.tenantId} = ${tenantId}) + ${file.size} > ${quotaBytes}`;
    const result = await this.#scope.insertWhen(files, file, sql`not (${over})`);
    return result.meta.changes > 0;
  }

  async find(id: string): Promise<StoredFile | null> {
    const row = await this.#scope.findById(files, id);
    return row ? fileOf(row) : null;
  }

  async finishedOf(uploaderId: string, fileIds: readonly string[]): Promise<StoredFile[]> {
    if (fileIds.length === 0) return [];
    const rows = await this.#scope.list(files, {
      where: and(
        inArray(files.id, [...fileIds]),
        eq(files.uploaderId, uploaderId),
        eq(files.status, "stored"),
      ),
      limit: fileIds.length,
    });
    return rows.map(fileOf);
  }

  async parts(fileId: string): Promise<ReceivedPart[]> {
    const rows = await this.#scope.list(fileParts, {
      where: eq(fileParts.fileId, fileId),
      orderBy: asc(fileParts.partNumber),
      limit: 1_000,
    });
    return rows.map(({ partNumber, etag, size }) => ({ partNumber, etag, size }));
  }

  async savePart(fileId: string, part: ReceivedPart): Promise<void> {
    await this.#scope.insert(fileParts, { id: newId("filePart"), fileId, ...part }).onConflictDoUpdate({
      target: [fileParts.fileId, fileParts.partNumber],
      set: { etag: part.etag, size: part.size },
    });
  }

  async markStored(fileId: string, expiresAt: string): Promise<void> {
    await this.#scope.batch([
      this.#scope.update(files, fileId, { status: "stored", multipartId: null, expiresAt }),
      this.#scope.deleteWhere(fileParts, eq(fileParts.fileId, fileId)),
    ]);
  }

  async remove(fileId: string): Promise<void> {
    await this.#scope.batch([
      this.#scope.deleteWhere(fileParts, eq(fileParts.fileId, fileId)),
      this.#scope.delete(files, fileId),
    ]);
  }

  async usage(): Promise<{ bytes: number; files: number }> {
    const [bytes, count] = await Promise.all([this.#scope.sum(files, files.size), this.#scope.count(files)]);
    return { bytes, files: count };
  }

  async expired(now: Date, limit: number): Promise<StoredFile[]> {
    const rows = await this.#scope.list(files, {
      where: and(isNotNull(files.expiresAt), lt(files.expiresAt, now.toISOString())),
      orderBy: asc(files.expiresAt),
      limit,
    });
    return rows.map(fileOf);
  }
}
