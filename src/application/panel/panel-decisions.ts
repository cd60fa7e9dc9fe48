import type { RecommendationStore, Versioned } from '../ports';
import type { Recommendation } from '../../domain';
import { decideTargetRequest, performTransition } from '../coordinator/review';
import { requireCoordinator, type Actor } from '../shared/actor';

/** What the panel can resolve on a closure put to it. */
export type ClosureResolution =
  | { kind: 'agree' }
  | { kind: 'agreeSubjectTo'; condition: string }
  | { kind: 'notAccept'; reason: string }
  /** Noted, with no decision yet: the item stays before the panel and is carried to the next paper. */
  | { kind: 'note' };

/**
 * What the panel decided at its meeting, recorded by the coordinator on its behalf: each reads the item as it is
 * now, so a decision on a stale screen meets the eTag check, never overwrites.
 */
export async function recordClosureDecision(
  store: RecommendationStore,
  recommendationId: string,
  decision: ClosureResolution,
  context: { actor: Actor; now: Date; meetingId: string },
): Promise<Versioned<Recommendation>> {
  const detail = await store.recommendationDetail(recommendationId);
  const { actor, now, meetingId } = context;
  switch (decision.kind) {
    case 'agree':
      return performTransition(store, detail, 'panelAgreeClosure', actor, now, { meetingId });
    case 'agreeSubjectTo':
      return performTransition(store, detail, 'panelAgreeSubjectTo', actor, now, { reason: decision.condition, meetingId });
    case 'notAccept':
      return performTransition(store, detail, 'panelNotAcceptClosure', actor, now, { reason: decision.reason, meetingId });
    case 'note':
      requireCoordinator(actor, "records the panel's decisions");
      await store.recordDecision({
        recommendationId,
        meetingId,
        kind: 'panelNoted',
        actor: actor.email,
        at: now.toISOString(),
        detail: '',
        idempotencyKey: `${recommendationId}:${meetingId}:panelNoted`,
      });
      return detail.recommendation;
  }
}

/** The panel grants or refuses the item's latest request for a new target date. */
export async function recordExtensionDecision(
  store: RecommendationStore,
  recommendationId: string,
  grant: boolean,
  context: { actor: Actor; now: Date; meetingId: string },
): Promise<Versioned<Recommendation>> {
  const detail = await store.recommendationDetail(recommendationId);
  const request = detail.updates.filter((u) => u.targetRequest).at(-1);
  if (!request) throw new Error('The request is no longer there: it may have been withdrawn or decided already');
  return decideTargetRequest(store, detail.recommendation, request, { by: 'panel', grant, meetingId: context.meetingId }, context.actor, context.now);
}

/** The panel notes a proposed withdrawal (it becomes final), or does not accept it (the item is open again). */
export async function recordWithdrawalDecision(
  store: RecommendationStore,
  recommendationId: string,
  decision: { noted: true } | { noted: false; reason: string },
  context: { actor: Actor; now: Date; meetingId: string },
): Promise<Versioned<Recommendation>> {
  const detail = await store.recommendationDetail(recommendationId);
  return decision.noted
    ? performTransition(store, detail, 'panelNoteWithdrawal', context.actor, context.now, { meetingId: context.meetingId })
    : performTransition(store, detail, 'panelRejectWithdrawal', context.actor, context.now, { reason: decision.reason, meetingId: context.meetingId });
}
