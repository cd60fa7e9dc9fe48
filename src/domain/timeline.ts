import { statusLabel } from './lifecycle';
import type { OwnerUpdate } from './owner-update';
import type { Recommendation } from './recommendation';
import type { RevisionApprover } from './target-history';

export type TimelineEvent =
  | { kind: 'update'; at: string; update: OwnerUpdate }
  | { kind: 'targetRevised'; at: string; text: string; reason: string; approvedBy: RevisionApprover }
  | { kind: 'status'; at: string; text: string; reason?: string }
  | { kind: 'decision'; at: string; text: string; actor: string; detail: string };

/** An entry of the audit trail as the timeline needs it: its kind, and the actor already shown by name. */
export interface TrailEntry {
  kind: string;
  at: string;
  label: string;
  actor: string;
  detail: string;
}

/** Trail kinds that record a target revision, which the record's own revision history also holds. */
const revisionKinds = new Set(['extensionApproved', 'extensionGranted', 'targetRevised']);

/**
 * Everything that happened to a recommendation, oldest first: updates, the audit trail, and the revisions and
 * last status change the record itself holds. The record's entries are kept unless the trail has the same event
 * (a status change at the same instant, a revision approved that day), so history written before the trail
 * existed, by an import or a seed, never disappears when the first decision is recorded.
 */
export function timeline(recommendation: Recommendation, updates: readonly OwnerUpdate[], trail: readonly TrailEntry[] = []): TimelineEvent[] {
  const inTrail = (kinds: (kind: string) => boolean, at: (entryAt: string) => boolean): boolean => trail.some((t) => kinds(t.kind) && at(t.at));
  const events: TimelineEvent[] = [
    ...updates.map((update): TimelineEvent => ({ kind: 'update', at: update.submittedAt, update })),
    ...trail.map((t): TimelineEvent => ({ kind: 'decision', at: t.at, text: t.label, actor: t.actor, detail: t.detail })),
    ...recommendation.targets.revisions
      .filter(
        (r) =>
          !inTrail(
            (kind) => revisionKinds.has(kind),
            (at) => at.slice(0, 10) === r.approvedOn,
          ),
      )
      .map((r): TimelineEvent => ({ kind: 'targetRevised', at: `${r.approvedOn}T00:00:00Z`, text: r.target.text, reason: r.reason, approvedBy: r.approvedBy })),
  ];
  const changedAt = recommendation.statusChangedAt;
  if (
    changedAt &&
    recommendation.status !== 'open' &&
    !inTrail(
      () => true,
      (at) => Date.parse(at) === Date.parse(changedAt),
    )
  ) {
    events.push({ kind: 'status', at: changedAt, text: statusLabel[recommendation.status], reason: recommendation.statusReason });
  }
  return events.sort((a, b) => a.at.localeCompare(b.at));
}
