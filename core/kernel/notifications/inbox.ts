import type { ChannelChoice, NotificationKind } from "./kinds.ts";
import type { NotificationStore } from "./ports.ts";

/** One item under the bell. */
export type InboxItem = {
  id: string;
  kind: NotificationKind;
  actorName: string | null;
  link: string;
  createdAt: string;
  read: boolean;
};

/** A person's own notifications; every method is limited to that person. */
export interface Inbox extends Pick<NotificationStore, "choicesOf" | "recipients"> {
  unreadCount(userId: string): Promise<number>;
  list(userId: string, limit: number): Promise<InboxItem[]>;
  /** Marks it read and returns where it leads, or null when it is not this person's. */
  open(userId: string, id: string, now: Date): Promise<string | null>;
  markAllRead(userId: string, now: Date): Promise<void>;
  /** The person's mobile number for SMS (E.164), or null to stop SMS altogether. */
  setPhone(userId: string, phone: string | null): Promise<void>;
  setChoice(userId: string, kind: NotificationKind, choice: ChannelChoice, now: Date): Promise<void>;
}
