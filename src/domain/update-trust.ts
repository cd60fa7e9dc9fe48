import { byAuditTeam, type OwnerUpdate } from './owner-update';
import { sameEmail } from './people';
import type { Recommendation } from './recommendation';

/** An update that does not count for status or the paper, and why: shown to the coordinator, never dropped silently. */
export interface SuspectUpdate {
  update: OwnerUpdate;
  reason: string;
}

export interface ScreenedUpdates {
  trusted: OwnerUpdate[];
  suspect: SuspectUpdate[];
}

/**
 * More owner updates than this on one item in one cycle is a flood, not reporting: the rest do not count.
 * A real owner posts one or two a cycle; SharePoint cannot stop anyone with add rights posting thousands.
 */
export const maxUpdatesPerCycle = 12;

/** Everyone who may report on a recommendation: its owners and the owners of its parts. */
export const reportersOf = (recommendation: Pick<Recommendation, 'owners' | 'subParts'>): string[] => [
  ...recommendation.owners.map((o) => o.email),
  ...recommendation.subParts.flatMap((part) => part.owners.map((o) => o.email)),
];

/**
 * Which updates count. Anyone with add rights on the updates list can post against any recommendation
 * (SharePoint's permissions cannot say "only your own"), so an owner's update counts only when its author, as
 * SharePoint recorded it, reports on that recommendation. The audit team's notes and updates come from its own
 * list, which only coordinators can write, and always count.
 */
export function screenUpdates(
  recommendations: readonly Pick<Recommendation, 'id' | 'owners' | 'subParts' | 'reference'>[],
  updates: readonly OwnerUpdate[],
): ScreenedUpdates {
  const byId = new Map(recommendations.map((r) => [r.id, r]));
  const trusted: OwnerUpdate[] = [];
  const suspect: SuspectUpdate[] = [];
  const perCycle = new Map<string, number>();
  for (const update of [...updates].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))) {
    if (byAuditTeam(update)) {
      trusted.push(update);
      continue;
    }
    const recommendation = byId.get(update.recommendationId);
    if (!recommendation) {
      suspect.push({ update, reason: `${update.author.name} posted it against a recommendation that is not in the register` });
      continue;
    }
    if (!reportersOf(recommendation).some((email) => sameEmail(email, update.author.email))) {
      suspect.push({ update, reason: `${update.author.name} (${update.author.email}) does not own ${recommendation.reference}` });
      continue;
    }
    const key = `${update.recommendationId}\n${update.cycle}\n${update.author.email.toLowerCase()}`;
    const count = (perCycle.get(key) ?? 0) + 1;
    perCycle.set(key, count);
    if (count > maxUpdatesPerCycle) {
      suspect.push({ update, reason: `More than ${maxUpdatesPerCycle} updates from ${update.author.name} on ${recommendation.reference} in ${update.cycle}` });
      continue;
    }
    trusted.push(update);
  }
  return { trusted, suspect };
}
