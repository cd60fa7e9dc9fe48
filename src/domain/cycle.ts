import { monthNames, monthYearLabel, type IsoDate } from './calendar';

/** Updates are labelled by the panel cycle they answer, "April 2025", named by the month of the deadline. */
export const cycleLabel = (updateDeadline: IsoDate): string => monthYearLabel(updateDeadline);

/**
 * A cycle's place in time, "2025-04" for "April 2025", for putting updates in the order they were reported; a
 * cycle not named by a month ("Imported") sorts before every dated one.
 */
export function cycleSortKey(cycle: string): string {
  const match = /^([A-Za-z]+) (\d{4})$/.exec(cycle.trim());
  const month = match ? monthNames.findIndex((m) => m.toLowerCase() === (match[1] ?? '').toLowerCase()) + 1 : 0;
  return match && month > 0 ? `${match[2] ?? ''}-${String(month).padStart(2, '0')}` : '';
}
