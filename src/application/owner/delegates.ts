import { delegatesOf, delegationKey, isNamedDelegate, isOwnedBy, maxDelegates, sameEmail, type Delegation, type Person } from '../../domain';
import { ForbiddenError, type PeopleDirectory, type RecommendationDetail, type RecommendationStore } from '../ports';
import type { Actor } from '../shared/actor';

/** A delegate who cannot be named, and why: said before anything is written. */
export class DelegateNotAllowedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DelegateNotAllowedError';
  }
}

/**
 * An owner names a deputy to write the item's updates while they are away. The deputy must be someone in the
 * organisation's directory (a typo or a leaver would otherwise hold the item), not already on it, and within the
 * limit. Naming the same person again is the same record.
 */
export async function nameDelegate(
  store: RecommendationStore,
  directory: PeopleDirectory,
  detail: Pick<RecommendationDetail, 'recommendation' | 'delegations'>,
  delegate: Person,
  actor: Actor,
  now: Date,
): Promise<Delegation> {
  const recommendation = detail.recommendation.value;
  if (!isOwnedBy(recommendation, actor.email)) throw new ForbiddenError('Only an owner of the recommendation names its delegate');
  const known = (await directory.people()).find((person) => sameEmail(person.email, delegate.email));
  if (!known) throw new DelegateNotAllowedError(`${delegate.name || delegate.email} is not in the organisation's directory: choose someone who is`);
  if (isOwnedBy(recommendation, known.email)) throw new DelegateNotAllowedError(`${known.name} already owns this recommendation`);
  const current = delegatesOf(recommendation, detail.delegations);
  if (current.some((d) => sameEmail(d.email, known.email))) throw new DelegateNotAllowedError(`${known.name} is already a delegate`);
  if (current.length >= maxDelegates) throw new DelegateNotAllowedError(`A recommendation has at most ${maxDelegates} delegates`);
  return store.recordDelegation({
    recommendationId: recommendation.id,
    delegate: known,
    idempotencyKey: delegationKey(recommendation.id, detail.delegations, known.email, false),
    at: now.toISOString(),
    ended: false,
  });
}

/**
 * An owner withdraws a delegate they (or a fellow owner) named, or the delegate steps down. A delegate the
 * coordinator assigned is the coordinator's to remove, in the editor. The ending is a record, so the trail
 * keeps who wrote for whom and until when.
 */
export async function endDelegation(
  store: RecommendationStore,
  detail: Pick<RecommendationDetail, 'recommendation' | 'delegations'>,
  delegate: Person,
  actor: Actor,
  now: Date,
): Promise<Delegation> {
  const recommendation = detail.recommendation.value;
  if (!isOwnedBy(recommendation, actor.email) && !sameEmail(actor.email, delegate.email))
    throw new ForbiddenError('Only an owner of the recommendation, or the delegate themselves, ends a delegation');
  if ((recommendation.delegates ?? []).some((d) => sameEmail(d.email, delegate.email)))
    throw new DelegateNotAllowedError(`The audit team assigned ${delegate.name}: ask them to remove the delegate`);
  if (!isNamedDelegate(recommendation, detail.delegations, delegate.email)) throw new DelegateNotAllowedError(`${delegate.name} is not a delegate now`);
  return store.recordDelegation({
    recommendationId: recommendation.id,
    delegate,
    idempotencyKey: delegationKey(recommendation.id, detail.delegations, delegate.email, true),
    at: now.toISOString(),
    ended: true,
  });
}
