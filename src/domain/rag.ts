import type { IsoDate } from './calendar';
import type { Status } from './lifecycle';
import type { TargetDate } from './target-date';

/** Progress by lateness, separate from the priority colour. */
export type ProgressRag = 'RED' | 'AMBER' | 'GREEN' | 'GREY';

export const progressRagLabel: Record<ProgressRag, string> = {
  RED: 'Overdue',
  AMBER: 'Not yet due',
  GREEN: 'Implemented',
  GREY: 'Not adopted',
};

/** RED open and past its current target; AMBER open, not yet due; GREEN closed or accepted; GREY not adopted. */
export function progressRag(status: Status, current: TargetDate, today: IsoDate): ProgressRag {
  switch (status) {
    case 'closed':
    case 'acceptedForPanel':
      return 'GREEN';
    case 'notAdopted':
    case 'riskAccepted':
    case 'superseded':
    case 'withdrawalProposed':
      return 'GREY';
    default:
      return current.due !== undefined && current.due < today ? 'RED' : 'AMBER';
  }
}
