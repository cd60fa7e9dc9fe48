import type { IsoDate } from './calendar';
import { isRunning, type Status } from './lifecycle';
import { priorityRank, type Priority } from './priority';
import { progressRag, type ProgressRag } from './rag';
import type { TargetDate } from './target-date';

export interface UrgencyInput {
  status: Status;
  priority: Priority;
  current: TargetDate;
  /** Whether the owner still owes an update for the current cycle. */
  updateDue: boolean;
}

const ragRank: Record<ProgressRag, number> = { RED: 0, AMBER: 1, GREEN: 2, GREY: 3 };

/**
 * Most urgent first: running items before finished ones; then those owing an update; then overdue before
 * not yet due; then the earliest target; then High priority first. Items with no date come after dated ones.
 */
export function compareUrgency(a: UrgencyInput, b: UrgencyInput, today: IsoDate): number {
  const running = (x: UrgencyInput): number => (isRunning(x.status) ? 0 : 1);
  const due = (x: UrgencyInput): string => x.current.due ?? '9999-12-31';
  return (
    running(a) - running(b) ||
    Number(b.updateDue) - Number(a.updateDue) ||
    ragRank[progressRag(a.status, a.current, today)] - ragRank[progressRag(b.status, b.current, today)] ||
    due(a).localeCompare(due(b)) ||
    priorityRank(a.priority) - priorityRank(b.priority)
  );
}
