import type { Principal } from '../identity/principal.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { writeAudit } from '../platform/audit/write-audit.js';
import type { Sql } from '../platform/db/database.js';
import { notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { handlerFor, lockForHandler } from './conversation-handler.js';
import { findConversation } from './conversation-store.js';
import type { HumanActionDeps } from './post-agent-message.js';

export interface NoteView {
  id: string;
  conversationId: string;
  authorStaffId: string;
  authorName: string;
  text: string;
  createdAt: string;
}

type Staff = Extract<Principal, { kind: 'staff' }>;

/**
 * A note for colleagues on the conversation. Never shown to the customer: it is stored apart
 * from the messages and announced on the `staff` topic only.
 */
export async function addInternalNote(
  deps: HumanActionDeps,
  actor: Actor,
  principal: Staff,
  input: { conversationId: string; text: string },
): Promise<NoteView> {
  return deps.db.transaction().execute(async (trx) => {
    const { conversation } = await lockForHandler(trx, principal, input.conversationId);
    const now = deps.clock.now();
    const note = await trx
      .insertInto('conversation_notes')
      .values({
        id: newId(),
        conversation_id: conversation.id,
        author_staff_id: principal.staffUserId,
        text: input.text,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'conversation.note_added',
      entityType: 'conversation',
      entityId: conversation.id,
      after: { noteId: note.id },
    });
    const view: NoteView = {
      id: note.id,
      conversationId: conversation.id,
      authorStaffId: principal.staffUserId,
      authorName: principal.name,
      text: note.text,
      createdAt: note.created_at.toISOString(),
    };
    await deps.events.publish('staff', 'conversation.note_added', view, trx);
    return view;
  });
}

/** The notes on a conversation, oldest first, for the person handling it or a supervisor. */
export async function listInternalNotes(
  db: Sql,
  principal: Staff,
  conversationId: string,
): Promise<NoteView[]> {
  const conversation = await findConversation(db, conversationId);
  if (!conversation) throw notFound('Conversation');
  await handlerFor(db, principal, conversation);
  const rows = await db
    .selectFrom('conversation_notes as n')
    .innerJoin('staff_users as s', 's.id', 'n.author_staff_id')
    .select(['n.id', 'n.author_staff_id', 's.name', 'n.text', 'n.created_at'])
    .where('n.conversation_id', '=', conversationId)
    .orderBy('n.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    conversationId,
    authorStaffId: r.author_staff_id,
    authorName: r.name,
    text: r.text,
    createdAt: r.created_at.toISOString(),
  }));
}
