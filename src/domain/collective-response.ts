import { z } from 'zod';
import { isWorkable } from './lifecycle';
import type { Recommendation } from './recommendation';
import { compareReferences } from './reference';

/** At most this many items share one response: a few sibling recommendations, not a whole register. */
export const maxCollectiveItems = 12;

/**
 * One response written once and applied to several recommendations ("Please see above collective response at
 * recommendation 1", reference lines 1552-1570). Each item holds its own copy, so each is screened against its
 * own owners and moves through its own lifecycle; the shared key ties the copies together for the paper.
 */
export const collectiveSchema = z.object({
  key: z.string().min(8),
  /** Every item the response applies to, the one it was written on first. */
  recommendationIds: z.array(z.string().min(1)).min(2).max(maxCollectiveItems),
});
export type Collective = z.infer<typeof collectiveSchema>;

interface Applicable {
  recommendationId: string;
  idempotencyKey: string;
  collective?: Collective;
}

/** The key of a collective response's copy on another item: derived, so a retry of the response finds it. */
export const collectiveCopyKey = (key: string, recommendationId: string): string => `${key}:${recommendationId}`;

/**
 * An update applied to other items as well: the lead (the item it was written on) keeps the update's own key,
 * each copy a key of its own derived from it, so a retry finds every copy already written and adds none.
 */
export function collectiveCopies<U extends Applicable>(update: U, others: readonly string[]): { lead: U; copies: U[] } {
  const ids = [update.recommendationId, ...others.filter((id, i) => id !== update.recommendationId && others.indexOf(id) === i)];
  if (ids.length === 1) return { lead: update, copies: [] };
  const collective: Collective = { key: update.idempotencyKey, recommendationIds: ids };
  return {
    lead: { ...update, collective },
    copies: ids
      .slice(1)
      .map((recommendationId) => ({ ...update, recommendationId, collective, idempotencyKey: collectiveCopyKey(update.idempotencyKey, recommendationId) })),
  };
}

/** Where a shared response is printed in full, for the paper's referral from the others. */
export interface CollectiveLead {
  recommendationId: string;
  reference: string;
  /** The lead's audit heading, when it sits under another audit than the referring item. */
  auditHeading: string;
}

/**
 * What an item prints instead of a response already printed in full at `lead`, in the reference's words;
 * undefined when this item is the lead itself.
 */
export function collectiveReferral(recommendationId: string, auditHeading: string, lead: CollectiveLead): string | undefined {
  if (lead.recommendationId === recommendationId) return undefined;
  const reference = lead.reference.replace(/\.$/, '');
  const where = lead.auditHeading === auditHeading ? reference : `${reference} (${lead.auditHeading})`;
  return `Please see above collective response at recommendation ${where}.`;
}

/**
 * The items a response written on `item` may also be applied to: the others of its audit, its original and
 * its repeats, that still take an update and that `mayReport` says the writer reports on. Same audit first.
 */
export function collectiveCandidates(
  item: Pick<Recommendation, 'id' | 'auditId'>,
  related: readonly Recommendation[],
  mayReport: (recommendation: Recommendation) => boolean,
): Recommendation[] {
  const seen = new Set<string>([item.id]);
  return [...related]
    .sort((a, b) => Number(a.auditId !== item.auditId) - Number(b.auditId !== item.auditId) || compareReferences(a.reference, b.reference))
    .filter((r) => {
      if (seen.has(r.id)) return false;
      seen.add(r.id);
      return isWorkable(r.status) && mayReport(r);
    });
}
