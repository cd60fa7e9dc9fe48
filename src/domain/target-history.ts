import { z } from 'zod';
import { isoDateSchema } from './calendar';
import { personSchema } from './people';
import { targetDateSchema, type TargetDate } from './target-date';

export const revisionApprovers = ['coordinator', 'panel', 'management'] as const;
export type RevisionApprover = (typeof revisionApprovers)[number];

/** One change of target date. The original target is never changed; every revision keeps its reason. */
export const targetRevisionSchema = z.object({
  target: targetDateSchema,
  reason: z.string().trim().min(1, 'Give a reason for the new date'),
  requestedBy: personSchema,
  /** Who agreed the new date: the audit coordinator (within the policy), the panel, or management. */
  approvedBy: z.enum(revisionApprovers),
  approvedOn: isoDateSchema,
});
export type TargetRevision = z.infer<typeof targetRevisionSchema>;

export const targetHistorySchema = z.object({
  original: targetDateSchema,
  revisions: z.array(targetRevisionSchema),
});
export type TargetHistory = z.infer<typeof targetHistorySchema>;

/** How many revisions the coordinator may approve alone before the panel must decide (committees limit this). */
export interface RevisionPolicy {
  coordinatorMayApprove: number;
}
export const defaultRevisionPolicy: RevisionPolicy = { coordinatorMayApprove: 1 };

export function currentTarget(history: TargetHistory): TargetDate {
  return history.revisions.at(-1)?.target ?? history.original;
}

/** Whether the next revision requested needs the panel, and why, for showing before the owner asks. */
export function nextRevisionNeedsPanel(history: TargetHistory, policy: RevisionPolicy = defaultRevisionPolicy): { needsPanel: boolean; why: string } {
  const byCoordinator = history.revisions.filter((r) => r.approvedBy === 'coordinator').length;
  const left = policy.coordinatorMayApprove - byCoordinator;
  return left > 0
    ? { needsPanel: false, why: `The coordinator can approve ${left} more revision${left === 1 ? '' : 's'}` }
    : {
        needsPanel: true,
        why: `The target has been revised ${history.revisions.length} time${history.revisions.length === 1 ? '' : 's'}; the panel must decide`,
      };
}

export class RevisionNotAllowedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RevisionNotAllowedError';
  }
}

/** Adds a revision, refusing one the coordinator has no authority to approve under the policy. */
export function reviseTarget(history: TargetHistory, revision: TargetRevision, policy: RevisionPolicy = defaultRevisionPolicy): TargetHistory {
  const parsed = targetRevisionSchema.parse(revision);
  if (parsed.approvedBy === 'coordinator' && nextRevisionNeedsPanel(history, policy).needsPanel) {
    throw new RevisionNotAllowedError('This revision is beyond the coordinator\u2019s limit: it needs the panel');
  }
  return { original: history.original, revisions: [...history.revisions, parsed] };
}

/** Later than originally planned: either the current due date moved beyond the original, or the original passed. */
export function hasExceededOriginal(history: TargetHistory, today: string): boolean {
  const originalDue = history.original.due;
  const currentDue = currentTarget(history).due;
  if (originalDue === undefined) return history.revisions.length > 0;
  return originalDue < today || (currentDue !== undefined && currentDue > originalDue);
}

/**
 * Whether a target request made at `requestedAt` has been decided: a revision was approved on or after that day,
 * or the request itself was refused (`refused`: the ids of requests a decision refused).
 */
export function requestDecided(history: TargetHistory, request: { id: string; submittedAt: string }, refused: ReadonlySet<string> = new Set()): boolean {
  return refused.has(request.id) || history.revisions.some((r) => `${r.approvedOn}T23:59:59Z` >= request.submittedAt);
}

/** The original target corrected (it was entered wrongly): the history keeps its revisions; the trail says what it was. */
export function correctOriginal(history: TargetHistory, corrected: TargetDate): TargetHistory {
  return { original: targetDateSchema.parse(corrected), revisions: history.revisions };
}

/** How many revisions an item's target has had, as the dashboard buckets them. */
export const revisionBuckets = ['0', '1', '2', '3+'] as const;
export type RevisionBucket = (typeof revisionBuckets)[number];
export const revisionBucket = (revisions: number): RevisionBucket => (revisions >= 3 ? '3+' : (String(revisions) as RevisionBucket));
