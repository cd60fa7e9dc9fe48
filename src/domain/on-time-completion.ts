import type { IsoDate } from './calendar';
import { withdrawals, type Status } from './lifecycle';
import type { TargetHistory } from './target-history';

/** Withdrawn items never fell due: they count neither way. */
const withdrawn = new Set<Status>(withdrawals);

type Item = { status: Status; statusChangedAt?: string; targets: Pick<TargetHistory, 'original'> };

/**
 * Of the recommendations whose original target had fallen due by a date, how many were closed by that original
 * target: the committee's measure of whether management keeps its first word. An item is closed on the day its
 * status became closed (the panel's agreement), so revising a target never improves the figure.
 */
export function completedByOriginalTarget(items: readonly Item[], asOf: IsoDate): { due: number; onTime: number; share?: number } {
  let due = 0;
  let onTime = 0;
  for (const item of items) {
    const target = item.targets.original.due;
    if (!target || target > asOf || withdrawn.has(item.status)) continue;
    due++;
    const closedOn = item.status === 'closed' ? item.statusChangedAt?.slice(0, 10) : undefined;
    if (closedOn && closedOn <= target) onTime++;
  }
  return { due, onTime, share: due > 0 ? onTime / due : undefined };
}
