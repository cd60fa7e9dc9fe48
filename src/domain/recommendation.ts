import { z } from 'zod';
import { isoDateSchema } from './calendar';
import { formerOwnerSchema } from './delegation';
import { isWorkable, statuses, withdrawals, type Status } from './lifecycle';
import { proposesItemClosure, reportsProgress, type OwnerUpdate } from './owner-update';
import { maxOwners, personSchema, sameEmail } from './people';
import { prioritySchema } from './priority';
import { normaliseReference } from './reference';
import { partsProblem, subPartSchema } from './recommendation-parts';
import { targetHistorySchema } from './target-history';

export const recommendationSchema = z
  .object({
    id: z.string().min(1),
    auditId: z.string().min(1),
    reference: z.string().trim().min(1, 'A reference is required').max(255),
    referenceKey: z.string().min(1),
    title: z.string().trim().min(1, 'A short title is required').max(255, 'Keep the short title under 255 characters'),
    priority: prioritySchema,
    text: z.string(),
    managementResponse: z.string(),
    /** Empty only for an imported row still waiting for the coordinator to assign an owner. */
    owners: z.array(personSchema).max(maxOwners, 'At most three owners; give sub-parts their own owners'),
    subParts: z.array(subPartSchema),
    /** Owners it was reassigned from, with when: their updates before then still count. */
    formerOwners: z.array(formerOwnerSchema).optional(),
    /** Deputies the coordinator assigned to write updates for the owners ("by X on behalf of Y"). */
    delegates: z.array(personSchema).max(2, 'At most two delegates').optional(),
    repeatOf: z.string().optional(),
    targets: targetHistorySchema,
    status: z.enum(statuses),
    /** While a withdrawal is proposed: which one, for the panel to note. */
    withdrawal: z.enum(withdrawals).optional(),
    /** E.g. "subject to approval of the procedure at the next staff committee". */
    closureCondition: z.string().optional(),
    statusReason: z.string().optional(),
    /** When the coordinator or panel last changed the status: owner proposals before it are already dealt with. */
    statusChangedAt: z.iso.datetime({ offset: true }).optional(),
    updatedOn: isoDateSchema.optional(),
  })
  .refine((r) => r.referenceKey === normaliseReference(r.reference), {
    message: 'The reference key does not match the reference',
    path: ['referenceKey'],
  })
  .superRefine((r, ctx) => {
    const problem = partsProblem(r.subParts);
    if (problem) ctx.addIssue({ code: 'custom', path: ['subParts'], message: problem });
  });
export type Recommendation = z.infer<typeof recommendationSchema>;

export const isOwnedBy = (recommendation: Pick<Recommendation, 'owners'>, email: string): boolean =>
  recommendation.owners.some((owner) => sameEmail(owner.email, email));

/** The most recent proposal of closure among a recommendation's updates. */
export const latestProposal = <U extends Pick<OwnerUpdate, 'kind' | 'proposesClosure' | 'part' | 'submittedAt'>>(updates: readonly U[]): U | undefined =>
  [...updates]
    .filter(proposesItemClosure)
    .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))
    .at(-1);

/**
 * Owners cannot write recommendations (the store refuses it); they propose closure in an update, and so does the
 * audit team when it puts an item forward itself. The item is proposed closed while its stored status is workable
 * and an update since the last status change proposes it.
 */
export function effectiveStatus(
  recommendation: Pick<Recommendation, 'status' | 'statusChangedAt'>,
  updates: readonly Pick<OwnerUpdate, 'kind' | 'proposesClosure' | 'part' | 'submittedAt'>[],
): Status {
  if (!isWorkable(recommendation.status)) return recommendation.status;
  const since = recommendation.statusChangedAt ? Date.parse(recommendation.statusChangedAt) : -Infinity;
  const proposed = updates.some((u) => proposesItemClosure(u) && Date.parse(u.submittedAt) > since);
  return proposed ? 'proposedClosed' : recommendation.status;
}

/**
 * The item came back to its owner (the coordinator returned the proposal, or the panel did not accept the
 * closure) and the owner has not answered since: the reason it came back, or undefined.
 */
export function actionNeeded(
  recommendation: Pick<Recommendation, 'status' | 'statusChangedAt' | 'statusReason'>,
  updates: readonly Pick<OwnerUpdate, 'kind' | 'submittedAt'>[],
): { reason: string } | undefined {
  const sentBack = recommendation.status === 'returnedToOwner' || (recommendation.status === 'open' && Boolean(recommendation.statusReason?.trim()));
  if (!sentBack || !recommendation.statusChangedAt) return undefined;
  const since = Date.parse(recommendation.statusChangedAt);
  if (updates.some((u) => reportsProgress(u) && Date.parse(u.submittedAt) > since)) return undefined;
  return { reason: recommendation.statusReason?.trim() || 'The audit team sent it back' };
}
