import { z } from 'zod';
import { meetingResolutions, recordStanding, panelActionSchema, type DecisionList, type PanelAction } from '../../domain';
import type { PaperData, RecommendationStore, Versioned } from '../ports';
import { requireCoordinator, type Actor } from '../shared/actor';

const newActionSchema = panelActionSchema.pick({ text: true, who: true, dueAt: true, recommendationId: true });
export type NewPanelAction = z.infer<typeof newActionSchema>;

/** A panel action that cannot be logged as given, with a message per field. */
export class InvalidPanelActionError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super(Object.values(fields).join('; '));
    this.name = 'InvalidPanelActionError';
  }
}

/**
 * Logs what the panel asked for at a meeting (who, what, and the meeting it is due at), recorded by the
 * coordinator. The key is the form's, so a retried save is the same action.
 */
export async function logPanelAction(
  store: RecommendationStore,
  input: NewPanelAction,
  meetingId: string,
  actor: Actor,
  key: string,
): Promise<Versioned<PanelAction>> {
  requireCoordinator(actor, "logs the panel's actions");
  const parsed = newActionSchema.safeParse(input);
  if (!parsed.success) throw new InvalidPanelActionError(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])));
  return store.logPanelAction({ ...parsed.data, raisedAt: meetingId, key });
}

/** Marks an action done with what was provided; a stale screen meets the eTag check. */
export async function completePanelAction(
  store: RecommendationStore,
  action: Versioned<PanelAction>,
  note: string,
  actor: Actor,
): Promise<Versioned<PanelAction>> {
  requireCoordinator(actor, "records the panel's actions as done");
  if (!note.trim()) throw new Error('Say what was provided, and when');
  return store.completePanelAction(action, note.trim());
}

/** A meeting's decision list, in the minutes' RESOLVED style, from what was recorded at it. */
export function decisionList(data: PaperData, meetingId: string): DecisionList {
  const meeting = data.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new Error('That meeting is not in the list of meetings');
  return {
    meetingTitle: meeting.title,
    date: meeting.date,
    standing: recordStanding(meeting),
    resolutions: meetingResolutions({
      meeting,
      meetings: data.meetings,
      decisions: data.decisions,
      recommendations: data.recommendations,
      audits: data.audits,
      panelActions: data.panelActions.map((a) => a.value),
    }),
  };
}
