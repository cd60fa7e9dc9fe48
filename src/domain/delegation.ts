import { z } from 'zod';
import { notAmong, personSchema, sameEmail, type Person } from './people';
import type { Recommendation } from './recommendation';

/** An owner the item was taken from, and when: their updates before then keep counting, under their name. */
export const formerOwnerSchema = personSchema.extend({ until: z.iso.datetime({ offset: true }) });
export type FormerOwner = z.infer<typeof formerOwnerSchema>;

/**
 * The item after a reassignment, remembering who it was taken from. A reassigned owner's earlier updates stay on
 * the record as theirs (the reference keeps former owners, lines 919, 1225, 1637); only later ones stop counting.
 */
export function withFormerOwners<R extends Pick<Recommendation, 'owners' | 'formerOwners'>>(before: R, after: R, now: Date): R {
  const removed = notAmong(before.owners, after.owners);
  if (removed.length === 0) return after;
  const kept = (after.formerOwners ?? []).filter((f) => !removed.some((o) => sameEmail(o.email, f.email)));
  return { ...after, formerOwners: [...kept, ...removed.map((o) => ({ ...o, until: now.toISOString() }))] };
}

/** The people a write makes owners (all of a new item's): the ones the app is installed for, so their feed reaches them. */
export const newOwners = (before: { owners: readonly Person[] } | undefined, after: { owners: readonly Person[] }): Person[] =>
  notAmong(after.owners, before?.owners ?? []);

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
  /** A record that ends the delegate's naming rather than makes it: an owner withdraws it, or the delegate steps down. */
  ended: z.boolean().default(false),
});
export type Delegation = z.infer<typeof delegationSchema>;

const ownsItem = (recommendation: Pick<Recommendation, 'owners'>, email: string): boolean => recommendation.owners.some((o) => sameEmail(o.email, email));

/** A record that counts: written by an owner of the item, or an ending written by the delegate themselves. */
const counts = (recommendation: Pick<Recommendation, 'id' | 'owners'>, d: Delegation): boolean =>
  d.recommendationId === recommendation.id && (ownsItem(recommendation, d.namedBy.email) || (d.ended && sameEmail(d.namedBy.email, d.delegate.email)));

/**
 * Everyone who may write an item's updates on its owners' behalf: the delegates the coordinator assigned, and
 * those an owner of the item named and nobody has since ended. A naming by anyone else (a delegate, a stranger)
 * does not count; each person's latest record that counts decides. Given `at`, the delegates at that moment:
 * an ended delegate's earlier updates still count, as they were written while they held the item.
 */
export function delegatesOf(recommendation: Pick<Recommendation, 'id' | 'owners' | 'delegates'>, delegations: readonly Delegation[], at?: string): Person[] {
  const latest = new Map<string, Delegation>();
  // Parsed, not compared as text: SharePoint stamps whole seconds, our clock milliseconds.
  const until = at === undefined ? Infinity : Date.parse(at);
  for (const d of [...delegations].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)))
    // An ending stamped in the same second as an update does not undo it: the update had the benefit of the doubt.
    if (counts(recommendation, d) && (d.ended ? Date.parse(d.at) < until : Date.parse(d.at) <= until)) latest.set(d.delegate.email.toLowerCase(), d);
  const named = [...latest.values()].filter((d) => !d.ended).map((d) => d.delegate);
  const all = [...(recommendation.delegates ?? []), ...named];
  return all.filter((person, index) => all.findIndex((p) => sameEmail(p.email, person.email)) === index);
}

/** Whether this person's delegation on the item was named by an owner, and so can be ended from the item's page. */
export const isNamedDelegate = (
  recommendation: Pick<Recommendation, 'id' | 'owners' | 'delegates'>,
  delegations: readonly Delegation[],
  email: string,
): boolean =>
  !(recommendation.delegates ?? []).some((d) => sameEmail(d.email, email)) && delegatesOf(recommendation, delegations).some((d) => sameEmail(d.email, email));

/**
 * The idempotency key of the next naming or ending of this person on the item: one per round, so a retry
 * meets its own first attempt while naming someone again after an ending is a new record.
 */
export function delegationKey(recommendationId: string, delegations: readonly Delegation[], email: string, ended: boolean): string {
  const round = delegations.filter((d) => d.recommendationId === recommendationId && d.ended && sameEmail(d.delegate.email, email)).length;
  return `${recommendationId}:${ended ? 'delegate-end' : 'delegate'}:${email.toLowerCase()}${round > 0 ? `:${round}` : ''}`;
}
