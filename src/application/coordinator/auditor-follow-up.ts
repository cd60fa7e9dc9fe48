import { auditorFollowUpSchema, effectiveStatus, followUpEffect, followUpKey, followUpSummary, type AuditorFollowUp, type OwnerUpdate } from '../../domain';
import type { RecommendationDetail, RecommendationStore } from '../ports';
import { requireCoordinator, type Actor } from '../shared/actor';
import { auditTeamProposal, performTransition } from './review';

export interface FollowUpOutcome {
  effect: ReturnType<typeof followUpEffect>;
  /** The audit team's update that put the item forward for closure on the follow-up, when asked to. */
  proposal?: OwnerUpdate;
}

/**
 * Records an auditor's follow-up visit in the item's history. A closed item found not implemented reopens, with
 * the finding as its reason (the next paper reports it); an open item found implemented can be put forward for
 * closure in the same step, on the follow-up as its evidence, as the register's PROPOSED CLOSED marker is.
 */
export async function recordAuditorFollowUp(
  store: RecommendationStore,
  detail: Pick<RecommendationDetail, 'recommendation' | 'updates'>,
  input: AuditorFollowUp,
  actor: Actor,
  now: Date,
  options: { putForward?: { cycle: string } } = {},
): Promise<FollowUpOutcome> {
  requireCoordinator(actor, 'records auditor follow-ups');
  const followUp = auditorFollowUpSchema.parse(input);
  const recommendation = detail.recommendation.value;
  const summary = followUpSummary(followUp);
  const key = followUpKey(followUp);
  await store.recordDecision({
    recommendationId: recommendation.id,
    kind: 'auditorFollowUp',
    actor: actor.email,
    at: now.toISOString(),
    detail: summary,
    idempotencyKey: `${recommendation.id}:auditorFollowUp:${key}`,
  });
  const effect = followUpEffect(effectiveStatus(recommendation, detail.updates), followUp.verdict);
  if (effect === 'reopens') {
    await performTransition(store, detail, 'reopen', actor, now, { reason: `Reopened after the auditor's follow-up (${summary})` });
    return { effect };
  }
  if (effect !== 'mayPropose' || !options.putForward) return { effect };
  const proposal = await store.addUpdate(
    auditTeamProposal(
      recommendation,
      {
        cycle: options.putForward.cycle,
        narrative: followUp.note || `The auditor's follow-up found the recommendation implemented.`,
        evidence: [{ kind: 'auditorFollowUp', name: summary }],
        idempotencyKey: `${recommendation.id}:followUpProposal:${key}`,
      },
      actor,
      now,
    ),
  );
  return { effect, proposal };
}
