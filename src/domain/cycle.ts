import { monthYearLabel, type IsoDate } from './calendar';

/** Updates are labelled by the panel cycle they answer, "April 2025", named by the month of the deadline. */
export const cycleLabel = (updateDeadline: IsoDate): string => monthYearLabel(updateDeadline);
