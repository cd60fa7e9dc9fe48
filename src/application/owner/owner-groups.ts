import { isRunning, isWorkable, type IsoDate, type Meeting } from '../../domain';
import type { OwnedRecommendation } from './my-recommendations';

/** What the owner is to do about an item, as their home groups them. */
export const ownerGroups = ['actionNeeded', 'dueThisCycle', 'inProgress', 'waiting', 'done'] as const;
export type OwnerGroup = (typeof ownerGroups)[number];

export const ownerGroupTitle: Record<OwnerGroup, string> = {
  actionNeeded: 'Action needed',
  dueThisCycle: 'Due this cycle',
  inProgress: 'In progress',
  waiting: 'Waiting for the panel',
  done: 'Done',
};

/**
 * Where an item belongs on its owner's home:
 * - action needed: sent back (returned, or its closure not accepted), or this cycle's update not yet given;
 * - due this cycle: updated, and its target falls due by the next meeting (or has passed);
 * - in progress: updated, its target later;
 * - waiting for the panel: proposed closed or withdrawn, with the audit team or the panel to decide;
 * - done: closed or withdrawn.
 */
export function ownerGroupOf(item: Pick<OwnedRecommendation, 'status' | 'updateDue' | 'actionNeeded' | 'current'>, meeting: Meeting | undefined): OwnerGroup {
  if (!isRunning(item.status)) return 'done';
  if (!isWorkable(item.status)) return 'waiting';
  if (item.actionNeeded || item.updateDue) return 'actionNeeded';
  if (meeting && item.current.due && item.current.due <= meeting.date) return 'dueThisCycle';
  return 'inProgress';
}

/** The date a group answers to: the update deadline for what is owed, the meeting for what it decides. */
export function ownerGroupDate(group: OwnerGroup, meeting: Meeting | undefined): { label: string; date: IsoDate } | undefined {
  if (!meeting) return undefined;
  if (group === 'actionNeeded') return { label: 'update by', date: meeting.updateDeadline };
  if (group === 'dueThisCycle' || group === 'waiting') return { label: 'panel meets', date: meeting.date };
  return undefined;
}

/** The owner's items in their groups, in the order above, each group in the urgency order it was given; empty groups left out. */
export function groupForOwner(
  items: readonly OwnedRecommendation[],
  meeting: Meeting | undefined,
): { group: OwnerGroup; items: OwnedRecommendation[]; date?: { label: string; date: IsoDate } }[] {
  return ownerGroups
    .map((group) => ({ group, items: items.filter((i) => ownerGroupOf(i, meeting) === group), date: ownerGroupDate(group, meeting) }))
    .filter((g) => g.items.length > 0);
}
