import { z } from 'zod';
import type { Meeting } from './meeting';

/**
 * Something the panel asked for at a meeting: "the panel requested a table of …", "that a report be provided
 * for a future meeting". Logged with who is asked, what, and the meeting it is due at, and carried into every
 * later paper until it is done.
 */
export const panelActionSchema = z.object({
  id: z.string().min(1),
  /** The meeting that asked for it. */
  raisedAt: z.string().min(1),
  text: z.string().trim().min(1, 'Say what the panel asked for').max(4000),
  /** Who is asked: a person or a role, as the minutes name them ("the Head of Fleet"). */
  who: z.string().trim().min(1, 'Say who the panel asked').max(255),
  /** The meeting it is due at; unset for "a future meeting". */
  dueAt: z.string().optional(),
  /** The item it is about, if any. */
  recommendationId: z.string().optional(),
  status: z.enum(['open', 'done']),
  doneNote: z.string().optional(),
});
export type PanelAction = z.infer<typeof panelActionSchema>;

export interface ActionForPaper {
  action: PanelAction;
  raisedAt: Meeting | undefined;
  dueAt: Meeting | undefined;
  /** Due at this meeting, or at one already past: the panel expects it now. */
  dueNow: boolean;
}

/** The actions a meeting's paper carries: every one still open that an earlier meeting asked for. */
export function actionsForPaper(actions: readonly PanelAction[], meetings: readonly Meeting[], meeting: Meeting): ActionForPaper[] {
  const byId = new Map(meetings.map((m) => [m.id, m]));
  return actions
    .filter((a) => a.status === 'open' && (byId.get(a.raisedAt)?.date ?? '') < meeting.date)
    .map((action) => {
      const dueAt = action.dueAt ? byId.get(action.dueAt) : undefined;
      return { action, raisedAt: byId.get(action.raisedAt), dueAt, dueNow: dueAt !== undefined && dueAt.date <= meeting.date };
    })
    .sort((a, b) => (a.raisedAt?.date ?? '').localeCompare(b.raisedAt?.date ?? ''));
}
