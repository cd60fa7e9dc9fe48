import { z } from 'zod';
import { personSchema, sameEmail, type Person } from './people';
import type { Recommendation } from './recommendation';

/** An owner the item was taken from, and when: their updates before then keep counting, under their name. */
export const formerOwnerSchema = personSchema.extend({ until: z.iso.datetime({ offset: true }) });
export type FormerOwner = z.infer<typeof formerOwnerSchema>;

/**
 * The item after a reassignment, remembering who it was taken from. A reassigned owner's earlier updates stay on
 * the record as theirs (the reference keeps former owners, lines 919, 1225, 1637); only later ones stop counting.
 */
export function withFormerOwners<R extends Pick<Recommendation, 'owners' | 'formerOwners'>>(before: R, after: R, now: Date): R {
  const removed = before.owners.filter((o) => !after.owners.some((p) => sameEmail(p.email, o.email)));
  if (removed.length === 0) return after;
  const kept = (after.formerOwners ?? []).filter((f) => !removed.some((o) => sameEmail(o.email, f.email)));
  return { ...after, formerOwners: [...kept, ...removed.map((o) => ({ ...o, until: now.toISOString() }))] };
}

/** At most this many delegates on an item: deputies, not a distribution list. */
export const maxDelegates = 2;

/**
 * An owner naming a deputy to write their updates ("update provided by CI … as the Commissioning Manager is
 * currently away"). Owners cannot write recommendations, so the naming is a record of the owner's own in the
 * updates list; who named whom is what SharePoint recorded (its author), never a field anyone can fill in.
 */
export const delegationSchema = z.object({
  recommendationId: z.string().min(1),
  /** The owner who named the delegate: the record's author as SharePoint stamped it. */
  namedBy: personSchema,
  delegate: personSchema,
  at: z.iso.datetime({ offset: true }),
});
export type Delegation = z.infer<typeof delegationSchema>;

const ownsItem = (recommendation: Pick<Recommendation, 'owners'>, email: string): boolean => recommendation.owners.some((o) => sameEmail(o.email, email));

/**
 * Everyone who may write an item's updates on its owners' behalf: the delegates the coordinator assigned, and
 * those an owner of the item named. A naming by anyone else (a delegate, a stranger) does not count.
 */
export function delegatesOf(recommendation: Pick<Recommendation, 'id' | 'owners' | 'delegates'>, delegations: readonly Delegation[]): Person[] {
  const named = delegations.filter((d) => d.recommendationId === recommendation.id && ownsItem(recommendation, d.namedBy.email)).map((d) => d.delegate);
  const all = [...(recommendation.delegates ?? []), ...named];
  return all.filter((person, index) => all.findIndex((p) => sameEmail(p.email, person.email)) === index);
}
