import type { MessagingStore } from "../../../core/messaging/ports.ts";

/**
 * Every step of the messaging port, taken by the given store (the tenant's cell). A store that does
 * a few steps itself spreads these and writes only its own: `{ ...stepsOf(cell), publish }`. It
 * holds the cell instead of extending it, so nothing the D1 store adds or renames can bypass a step
 * the store took over. The steps are bound because the D1 store keeps its state in private fields.
 * The object is typed as the port, so a step the port gains is a type error here until it is handed
 * over, and a step it loses is one too.
 */
export function stepsOf(cell: MessagingStore): MessagingStore {
  return {
    find: cell.find.bind(cell),
    participants: cell.participants.bind(cell),
    create: cell.create.bind(cell),
    startedWith: cell.startedWith.bind(cell),
    publish: cell.publish.bind(cell),
    sentFile: cell.sentFile.bind(cell),
    sent: cell.sent.bind(cell),
    messagesAfter: cell.messagesAfter.bind(cell),
    latest: cell.latest.bind(cell),
    message: cell.message.bind(cell),
    edits: cell.edits.bind(cell),
    edit: cell.edit.bind(cell),
    markRead: cell.markRead.bind(cell),
    draft: cell.draft.bind(cell),
    saveDraft: cell.saveDraft.bind(cell),
    conversationsFor: cell.conversationsFor.bind(cell),
    allConversations: cell.allConversations.bind(cell),
    repliesTo: cell.repliesTo.bind(cell),
    clientsOf: cell.clientsOf.bind(cell),
    staff: cell.staff.bind(cell),
  };
}
