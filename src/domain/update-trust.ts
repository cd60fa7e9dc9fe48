import { byAuditTeam, type OwnerUpdate } from './owner-update';
import { delegatesOf, type Delegation } from './delegation';
import { sameEmail } from './people';
import { partsOwnedBy } from './recommendation-parts';
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

type Reported = Pick<Recommendation, 'id' | 'owners' | 'subParts' | 'delegates' | 'formerOwners'>;

/** Who may report on the whole item: its owners and their delegates (at `at`, or now). */
const wholeItemReporters = (recommendation: Reported, delegations: readonly Delegation[], at?: string): string[] => [
  ...recommendation.owners.map((o) => o.email),
  ...delegatesOf(recommendation, delegations, at).map((d) => d.email),
];

/** An owner the item was taken from, for an update written before it was taken (`at`). */
const wasOwnerAt = (recommendation: Reported, email: string, at: string | undefined): boolean =>
  // Parsed, not compared as text: SharePoint stamps whole seconds ("…18Z"), our clock milliseconds ("…18.904Z").
  at !== undefined && (recommendation.formerOwners ?? []).some((f) => sameEmail(f.email, email) && Date.parse(at) <= Date.parse(f.until));

/** Everyone who may report on a recommendation: its owners, the owners of its parts, and their delegates. */
export const reportersOf = (recommendation: Reported, delegations: readonly Delegation[] = [], at?: string): string[] => [
  ...wholeItemReporters(recommendation, delegations, at),
  ...recommendation.subParts.flatMap((part) => part.owners.map((o) => o.email)),
];

/**
 * Whether this person may write the item's updates: an owner, a part's owner, or a delegate; or, for an update
 * written at `at`, an owner the item was later taken from.
 */
export const mayReport = (recommendation: Reported, delegations: readonly Delegation[], email: string, at?: string): boolean =>
  reportersOf(recommendation, delegations, at).some((reporter) => sameEmail(reporter, email)) || wasOwnerAt(recommendation, email, at);

/**
 * Whether this person may write this update: the item's owners and delegates report on the whole item or any
 * part; a part's owner reports on their own part only.
 */
export const mayWriteUpdate = (recommendation: Reported, delegations: readonly Delegation[], update: { email: string; at?: string; part?: string }): boolean =>
  wholeItemReporters(recommendation, delegations, update.at).some((reporter) => sameEmail(reporter, update.email)) ||
  wasOwnerAt(recommendation, update.email, update.at) ||
  (update.part !== undefined && partsOwnedBy(recommendation, update.email).includes(update.part));

/**
 * Which updates count. Anyone with add rights on the updates list can post against any recommendation
 * (SharePoint's permissions cannot say "only your own"), so an owner's update counts only when its author, as
 * SharePoint recorded it, reports on that recommendation. The audit team's notes and updates come from its own
 * list, which only coordinators can write, and always count.
 */
export function screenUpdates(
  recommendations: readonly (Reported & Pick<Recommendation, 'reference'>)[],
  updates: readonly OwnerUpdate[],
  delegations: readonly Delegation[] = [],
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
    if (!mayWriteUpdate(recommendation, delegations, { email: update.author.email, at: update.submittedAt, part: update.part })) {
      const what = mayReport(recommendation, delegations, update.author.email) ? `the whole of ${recommendation.reference}` : recommendation.reference;
      suspect.push({ update, reason: `${update.author.name} (${update.author.email}) does not own ${what}` });
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
