import { z } from 'zod';
import { longDate } from './calendar';
import { personSchema } from './people';
import { statuses, withdrawals } from './lifecycle';
import type { Meeting } from './meeting';
import type { Recommendation } from './recommendation';
import { targetHistorySchema } from './target-history';

/**
 * The panel's record of a meeting: which trail entries are its decisions, which of them still stand after an
 * undo, whether a decision may be recorded or undone now, and the item as it was before each.
 */
export const panelDecisionKinds = [
  'panelAgreeClosure',
  'panelAgreeSubjectTo',
  'panelNotAcceptClosure',
  'panelNoted',
  'extensionGranted',
  'extensionRefused',
  'panelNoteWithdrawal',
  'panelRejectWithdrawal',
] as const;
export type PanelDecisionKind = (typeof panelDecisionKinds)[number];
export const isPanelDecision = (kind: string): kind is PanelDecisionKind => (panelDecisionKinds as readonly string[]).includes(kind);

/** The trail entry that undoes a panel decision; its subject is the undone decision's key. */
export const decisionUndoneKind = 'panelDecisionUndone' as const;

export interface RecordedDecision {
  recommendationId: string;
  meetingId?: string;
  kind: string;
  at: string;
  detail: string;
  idempotencyKey: string;
  subjectId?: string;
}

/** The trail without the decisions since undone and without the undo entries: what the record now says. */
export function standingDecisions<T extends RecordedDecision>(trail: readonly T[]): T[] {
  const undone = new Set(trail.flatMap((d) => (d.kind === decisionUndoneKind && d.subjectId ? [d.subjectId] : [])));
  return trail.filter((d) => d.kind !== decisionUndoneKind && !undone.has(d.idempotencyKey));
}

/**
 * The key for a decision made on an item: its first key until an undo, then a new one per undo, so the same
 * decision made again after an undo is recorded, and a retry of either is still recognised.
 */
export function keyAfterUndos(key: string, itemTrail: readonly RecordedDecision[]): string {
  const undos = itemTrail.filter((d) => d.kind === decisionUndoneKind).length;
  return undos === 0 ? key : `${key}:after-undo-${undos}`;
}

/** What the panel decides on in a paper: the closures, the withdrawals and the extension requests put to it. */
export const decisionSubjectsSchema = z.object({
  closures: z.array(z.string()),
  withdrawals: z.array(z.string()),
  extensions: z.array(z.string()),
});
export type DecisionSubjects = z.infer<typeof decisionSubjectsSchema>;
export type DecisionSubject = keyof DecisionSubjects;

/** When the coordinator closed the meeting's decisions: from then on they stand as the minutes record them. */
export const decisionsClosedSchema = z.object({ at: z.iso.datetime({ offset: true }), by: personSchema });

const dayOf = (at: string): string => at.slice(0, 10);

/** The paper is not open for the panel's decisions: not issued yet, closed, or the item was not in it. */
export class DecisionNotOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecisionNotOpenError';
  }
}

/**
 * Why the panel's decisions cannot be recorded (or undone) against this meeting now, or undefined when they can:
 * the panel decides on the paper it received, until the coordinator closes the meeting's decisions.
 */
export function decisionsRefusedBecause(
  meeting: Meeting,
  subject?: { kind: DecisionSubject; recommendationId: string; reference: string },
): string | undefined {
  const issued = meeting.issued;
  if (!issued) return `Issue the paper for ${meeting.title} first: the panel decides on the paper it received`;
  if (issued.closed) return `The decisions of ${meeting.title} were closed on ${dayOf(issued.closed.at)}: nothing more can be recorded or undone for it`;
  if (subject && issued.subjects && !issued.subjects[subject.kind].includes(subject.recommendationId)) {
    return `${subject.reference} was not in the paper issued on ${dayOf(issued.at)}: it goes to the next meeting's paper`;
  }
  return undefined;
}

/** Trail entries that record what was said or written, not a step: they never stand in the way of an undo. */
const remarks = new Set(['note', 'coordinatorNote', 'coordinatorUpdate', 'paperContextSet']);

/**
 * The meeting's decisions that can still be undone: standing, each the latest step on its item (an undo never
 * takes back what was done after it), and the meeting's decisions not yet closed. Oldest first.
 */
export function undoableDecisions<T extends RecordedDecision>(meeting: Meeting, trail: readonly T[]): T[] {
  if (decisionsRefusedBecause(meeting)) return [];
  const standing = standingDecisions(trail).sort((a, b) => a.at.localeCompare(b.at));
  const lastStep = new Map<string, T>();
  for (const entry of standing) if (!remarks.has(entry.kind)) lastStep.set(entry.recommendationId, entry);
  return standing.filter((d) => d.meetingId === meeting.id && isPanelDecision(d.kind) && lastStep.get(d.recommendationId) === d);
}

/** What a panel decision may change on an item, kept with the decision so an undo can put it back exactly. */
export const decisionStateSchema = z.object({
  status: z.enum(statuses),
  statusChangedAt: z.iso.datetime({ offset: true }).optional(),
  statusReason: z.string().optional(),
  withdrawal: z.enum(withdrawals).optional(),
  closureCondition: z.string().optional(),
  targets: targetHistorySchema,
});
export type DecisionState = z.infer<typeof decisionStateSchema>;

export const decisionStateOf = (r: Recommendation): DecisionState => ({
  status: r.status,
  statusChangedAt: r.statusChangedAt,
  statusReason: r.statusReason,
  withdrawal: r.withdrawal,
  closureCondition: r.closureCondition,
  targets: r.targets,
});

/** The item as it was before the decision: each field set, so one the decision added is cleared again. */
export const restoreState = (r: Recommendation, before: DecisionState): Recommendation => ({
  ...r,
  status: before.status,
  statusChangedAt: before.statusChangedAt,
  statusReason: before.statusReason,
  withdrawal: before.withdrawal,
  closureCondition: before.closureCondition,
  targets: before.targets,
});

/** Where the meeting's record stands, as the decision list says it: the paper decided on, and whether it is final. */
export function recordStanding(meeting: Meeting): string {
  const issued = meeting.issued;
  if (!issued) return 'The paper has not been issued: no decisions can be recorded yet.';
  const paper = `Recorded against the paper issued on ${longDate(dayOf(issued.at))} (SHA-256 ${issued.sha256.slice(0, 16)}…).`;
  return issued.closed
    ? `${paper} The decisions were closed on ${longDate(dayOf(issued.closed.at))}.`
    : `${paper} Not yet closed: a decision recorded in error can still be undone.`;
}
