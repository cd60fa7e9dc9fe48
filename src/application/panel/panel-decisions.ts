import type { RecommendationDetail, RecommendationStore, Versioned } from '../ports';
import {
  DecisionNotOpenError,
  decisionUndoneKind,
  decisionsRefusedBecause,
  keyAfterUndos,
  restoreState,
  undoableDecisions,
  type DecisionSubject,
  type Meeting,
  type Recommendation,
} from '../../domain';
import { meetingSubject } from '../coordinator/audits-and-meetings';
import { decideTargetRequest, performTransition, save } from '../coordinator/review';
import { requireCoordinator, type Actor } from '../shared/actor';
import { decisionLabel } from '../shared/decision-labels';

/** What the panel can resolve on a closure put to it. */
export type ClosureResolution =
  | { kind: 'agree' }
  | { kind: 'agreeSubjectTo'; condition: string }
  | { kind: 'notAccept'; reason: string }
  /** Noted, with no decision yet: the item stays before the panel and is carried to the next paper. */
  | { kind: 'note' };

interface DecisionContext {
  actor: Actor;
  now: Date;
  meetingId: string;
}

/** The issued paper a decision on this item is recorded against, refused unless the panel can decide it now. */
function issuedPaperFor(detail: RecommendationDetail, meetingId: string, subject: DecisionSubject): { meetingId: string; paperSha256: string } {
  const meeting = detail.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new DecisionNotOpenError('The meeting is no longer there: choose the meeting again');
  const { id: recommendationId, reference } = detail.recommendation.value;
  const refused = decisionsRefusedBecause(meeting, { kind: subject, recommendationId, reference });
  if (refused || !meeting.issued) throw new DecisionNotOpenError(refused ?? `Issue the paper for ${meeting.title} first`);
  return { meetingId, paperSha256: meeting.issued.sha256 };
}

/**
 * What the panel decided at its meeting, recorded by the coordinator on its behalf against the paper it was
 * issued: each reads the item as it is now, so a decision on a stale screen meets the eTag check, never overwrites.
 */
export async function recordClosureDecision(
  store: RecommendationStore,
  recommendationId: string,
  decision: ClosureResolution,
  context: DecisionContext,
): Promise<Versioned<Recommendation>> {
  const detail = await store.recommendationDetail(recommendationId);
  const { actor, now } = context;
  requireCoordinator(actor, "records the panel's decisions");
  const paper = issuedPaperFor(detail, context.meetingId, 'closures');
  switch (decision.kind) {
    case 'agree':
      return performTransition(store, detail, 'panelAgreeClosure', actor, now, paper);
    case 'agreeSubjectTo':
      return performTransition(store, detail, 'panelAgreeSubjectTo', actor, now, { reason: decision.condition, ...paper });
    case 'notAccept':
      return performTransition(store, detail, 'panelNotAcceptClosure', actor, now, { reason: decision.reason, ...paper });
    case 'note':
      await store.recordDecision({
        recommendationId,
        ...paper,
        kind: 'panelNoted',
        actor: actor.email,
        at: now.toISOString(),
        detail: '',
        idempotencyKey: keyAfterUndos(`${recommendationId}:${paper.meetingId}:panelNoted`, detail.decisions),
      });
      return detail.recommendation;
  }
}

/** The panel grants or refuses the item's latest request for a new target date. */
export async function recordExtensionDecision(
  store: RecommendationStore,
  recommendationId: string,
  grant: boolean,
  context: DecisionContext,
): Promise<Versioned<Recommendation>> {
  const detail = await store.recommendationDetail(recommendationId);
  requireCoordinator(context.actor, "records the panel's decisions");
  const paper = issuedPaperFor(detail, context.meetingId, 'extensions');
  const request = detail.updates.filter((u) => u.targetRequest).at(-1);
  if (!request) throw new Error('The request is no longer there: it may have been withdrawn or decided already');
  return decideTargetRequest(store, detail.recommendation, request, { by: 'panel', grant, ...paper, itemTrail: detail.decisions }, context.actor, context.now);
}

/** The panel notes a proposed withdrawal (it becomes final), or does not accept it (the item is open again). */
export async function recordWithdrawalDecision(
  store: RecommendationStore,
  recommendationId: string,
  decision: { noted: true } | { noted: false; reason: string },
  context: DecisionContext,
): Promise<Versioned<Recommendation>> {
  const detail = await store.recommendationDetail(recommendationId);
  requireCoordinator(context.actor, "records the panel's decisions");
  const paper = issuedPaperFor(detail, context.meetingId, 'withdrawals');
  return decision.noted
    ? performTransition(store, detail, 'panelNoteWithdrawal', context.actor, context.now, paper)
    : performTransition(store, detail, 'panelRejectWithdrawal', context.actor, context.now, { reason: decision.reason, ...paper });
}

/**
 * Takes back a panel decision recorded in error, until the meeting's decisions are closed: the item returns to
 * what it was before (kept with the decision), and the trail keeps both the decision and its undoing.
 */
export async function undoPanelDecision(
  store: RecommendationStore,
  recommendationId: string,
  decisionKey: string,
  context: { actor: Actor; now: Date },
): Promise<Versioned<Recommendation>> {
  const { actor, now } = context;
  requireCoordinator(actor, "undoes the panel's decisions");
  const detail = await store.recommendationDetail(recommendationId);
  const decision = detail.decisions.find((d) => d.idempotencyKey === decisionKey);
  const meeting = detail.meetings.find((m) => m.id === decision?.meetingId);
  if (!decision || !meeting) throw new DecisionNotOpenError('That decision is not in the record any more: reload to see the decisions as they stand');
  const refused = decisionsRefusedBecause(meeting);
  if (refused) throw new DecisionNotOpenError(refused);
  const current = detail.recommendation;
  const trail = {
    kind: decisionUndoneKind,
    actor,
    now,
    meetingId: meeting.id,
    subjectId: decisionKey,
    detail: `${decisionLabel(decision.kind)} on ${decision.at.slice(0, 10)}`,
  };
  // An undo recorded at this version whose change a lost answer left unmade is finished, never refused.
  const unfinished = detail.decisions.some(
    (d) => d.kind === decisionUndoneKind && d.subjectId === decisionKey && d.idempotencyKey === `${current.value.id}:${current.etag}:${decisionUndoneKind}`,
  );
  if (!unfinished && !undoableDecisions(meeting, detail.decisions).includes(decision)) {
    throw new DecisionNotOpenError(
      `${current.value.reference}: "${decisionLabel(decision.kind)}" can no longer be undone: it was undone already, or the item has changed since`,
    );
  }
  if (decision.before) return save(store, current, restoreState(current.value, decision.before), trail);
  await store.recordDecision({ ...trail, recommendationId, actor: actor.email, at: now.toISOString(), idempotencyKey: `${decisionKey}:undone` });
  return current;
}

/** Closes the meeting's decisions: from now they stand as the minutes record them, with no more recorded or undone. */
export async function closeMeetingDecisions(store: RecommendationStore, meeting: Meeting, actor: Actor, now: Date): Promise<Meeting> {
  requireCoordinator(actor, "closes the meeting's decisions");
  const refused = decisionsRefusedBecause(meeting);
  if (refused || !meeting.issued) throw new DecisionNotOpenError(refused ?? `Issue the paper for ${meeting.title} first`);
  const { id, ...rest } = meeting;
  const saved = await store.saveMeeting({
    ...rest,
    issued: { ...meeting.issued, closed: { at: now.toISOString(), by: { email: actor.email, name: actor.name } } },
  });
  await store.recordDecision({
    recommendationId: meetingSubject(id),
    kind: 'decisionsClosed',
    actor: actor.email,
    at: now.toISOString(),
    detail: `The decisions of ${meeting.title} closed`,
    idempotencyKey: `${meetingSubject(id)}:decisionsClosed`,
  });
  return saved;
}
