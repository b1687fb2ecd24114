import type { Message, NewMessage } from "../../../core/messaging/ports.ts";

/** A message the room numbered and sent on, with what the cell needs to store it. */
export type Unwritten = { seq: number; draft: NewMessage; message: Message };

/**
 * The chat room's own record of the numbers it gave (ADR 0016), in the room's SQLite storage:
 * which sender's client message id took which number, so a resend is known without asking the
 * cell, and, until the cell holds them, the messages themselves. What the room sent on is kept
 * here first, so a room that stops before it wrote to the cell writes it after its next start;
 * once the cell has a message its text is dropped here.
 */
export class MessageLog {
  readonly #sql: SqlStorage;

  constructor(sql: SqlStorage) {
    this.#sql = sql;
    sql.exec(`create table if not exists numbered (
      seq integer primary key,
      sender text not null,
      client_message_id text not null,
      unwritten text,
      unique (sender, client_message_id)
    )`);
    sql.exec("create table if not exists log_facts (name text primary key)");
  }

  /** The highest number given here (0: none yet). */
  newest(): number {
    return (
      this.#sql.exec<{ newest: number | null }>("select max(seq) as newest from numbered").one().newest ?? 0
    );
  }

  /** The number this sender's client message id took, if it took one. */
  numberOf(sender: string, clientMessageId: string): number | null {
    const [row] = this.#sql
      .exec<{ seq: number }>(
        "select seq from numbered where sender = ? and client_message_id = ?",
        sender,
        clientMessageId,
      )
      .toArray();
    return row?.seq ?? null;
  }

  /** What is not yet in the cell, in the order it was numbered. */
  unwritten(): Unwritten[] {
    return this.#sql
      .exec<{ unwritten: string }>("select unwritten from numbered where unwritten is not null order by seq")
      .toArray()
      .map((row) => JSON.parse(row.unwritten) as Unwritten);
  }

  /** A message numbered and sent on, to be written to the cell. */
  add(entry: Unwritten) {
    this.#sql.exec(
      "insert into numbered (seq, sender, client_message_id, unwritten) values (?, ?, ?, ?)",
      entry.seq,
      entry.draft.senderUserId,
      entry.draft.clientMessageId,
      JSON.stringify(entry),
    );
  }

  /** The cell holds this message now: only its number and ids stay. */
  written(seq: number) {
    this.#sql.exec("update numbered set unwritten = null where seq = ?", seq);
  }

  /** Numbers the cell gave or holds already (messages stored before this log, or written at once). */
  remember(keys: readonly { senderUserId: string; clientMessageId: string; seq: number }[]) {
    for (const key of keys)
      this.#sql.exec(
        "insert or ignore into numbered (seq, sender, client_message_id) values (?, ?, ?)",
        key.seq,
        key.senderUserId,
        key.clientMessageId,
      );
  }

  /** Whether the numbers the cell held before this log began were copied in. */
  get imported(): boolean {
    return this.#sql.exec("select 1 from log_facts where name = 'imported'").toArray().length > 0;
  }

  markImported() {
    this.#sql.exec("insert or ignore into log_facts (name) values ('imported')");
  }
}
