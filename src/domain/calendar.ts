import { z } from 'zod';

/** A calendar date with no time or zone, as "YYYY-MM-DD". Dates compare correctly as strings. */
export const isoDateSchema = z.iso.date({ message: 'Use a date as YYYY-MM-DD' });
export type IsoDate = z.infer<typeof isoDateSchema>;

export const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

const pad = (n: number): string => String(n).padStart(2, '0');

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const firstOfMonth = (year: number, month: number): IsoDate => isoDate(year, month, 1);
export const endOfMonth = (year: number, month: number): IsoDate => isoDate(year, month, daysInMonth(year, month));

export function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Whole days from a to b (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The organisation's calendar: UK public bodies keep their registers, deadlines and panels in UK time. */
export const organisationTimeZone = 'Europe/London';

/** Their date style, where no host names the user's own: "16 May 2025". */
export const organisationLocale = 'en-GB';

/** The calendar date at an instant in a time zone (summer time included). */
export function localDate(instant: Date, timeZone: string): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** Today in the organisation's calendar: between midnight and 1 am in summer, UTC is still on yesterday. */
export const organisationToday = (now: Date = new Date()): IsoDate => localDate(now, organisationTimeZone);

/** "March 2025", the way the paper names months. */
export function monthYearLabel(date: IsoDate): string {
  const [year, month] = date.split('-').map(Number);
  return `${monthNames[(month ?? 1) - 1]} ${year}`;
}

/** "16 May 2025": the date as the panel's papers write it. */
export function longDate(date: IsoDate): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day ?? 1} ${monthNames[(month ?? 1) - 1]} ${year}`;
}
