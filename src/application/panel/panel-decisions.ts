import type { RecommendationStore, Versioned } from '../ports';
import type { Recommendation } from '../../domain';
import { decideTargetRequest, performTransition } from '../coordinator/review';
import type { Actor } from '../shared/actor';

/**
 * What the panel decided at its meeting, recorded by the coordinator on its behalf: each reads the item as it is
 * now, so a decision on a stale screen meets the eTag check, never overwrites.
 */
export async function recordClosureDecision(
  store: RecommendationStore,
  recommendationId: string,
  decision: { agreed: true } | { agreed: false; reason: string },
  context: { actor: Actor; now: Date; meetingId: string },
): Promise<Versioned<Recommendation>> {
  const detail = await store.recommendationDetail(recommendationId);
  return decision.agreed
    ? performTransition(store, detail, 'panelAgreeClosure', context.actor, context.now, { meetingId: context.meetingId })
    : performTransition(store, detail, 'panelNotAcceptClosure', context.actor, context.now, { reason: decision.reason, meetingId: context.meetingId });
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
