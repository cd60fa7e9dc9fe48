import { statusLabel } from './lifecycle';
import type { OwnerUpdate } from './owner-update';
import type { Recommendation } from './recommendation';

export type TimelineEvent =
  | { kind: 'update'; at: string; update: OwnerUpdate }
  | { kind: 'targetRevised'; at: string; text: string; reason: string; approvedBy: 'coordinator' | 'panel' }
  | { kind: 'status'; at: string; text: string; reason?: string }
  | { kind: 'decision'; at: string; text: string; actor: string; detail: string };

/** An entry of the audit trail as the timeline needs it. */
export interface TrailEntry {
  at: string;
  label: string;
  actor: string;
  detail: string;
}

/** Everything that happened to a recommendation, oldest first: updates, target revisions and status changes. */
export function timeline(recommendation: Recommendation, updates: readonly OwnerUpdate[], trail: readonly TrailEntry[] = []): TimelineEvent[] {
  if (trail.length > 0) {
    // With an audit trail, status changes and revisions are in it, each with who and why.
    return [
      ...updates.map((update): TimelineEvent => ({ kind: 'update', at: update.submittedAt, update })),
      ...trail.map((t): TimelineEvent => ({ kind: 'decision', at: t.at, text: t.label, actor: t.actor, detail: t.detail })),
    ].sort((a, b) => a.at.localeCompare(b.at));
  }
  const events: TimelineEvent[] = [
    ...updates.map((update): TimelineEvent => ({ kind: 'update', at: update.submittedAt, update })),
    ...recommendation.targets.revisions.map(
      (r): TimelineEvent => ({ kind: 'targetRevised', at: `${r.approvedOn}T00:00:00Z`, text: r.target.text, reason: r.reason, approvedBy: r.approvedBy }),
    ),
  ];
  if (recommendation.statusChangedAt && recommendation.status !== 'open') {
    events.push({ kind: 'status', at: recommendation.statusChangedAt, text: statusLabel[recommendation.status], reason: recommendation.statusReason });
  }
  return events.sort((a, b) => a.at.localeCompare(b.at));
}
