import { useMemo } from 'react';
import { organisationLocale, organisationTimeZone, type IsoDate } from '../../domain';
import { useSession } from './session-context';

/** Dates as the screens write them: one long style, in the host's locale ("16 May 2025" in en-GB). */
export interface DateStyle {
  date: (date: IsoDate) => string;
  /** "March 2025". */
  month: (date: IsoDate) => string;
  /** "16 May 2025, 14:05": an instant on the organisation's clocks. */
  instant: (at: string) => string;
  /** The organisation's calendar day of an instant (or of a bare date, as some events carry), in the date style. */
  day: (at: string) => string;
}

// Teams sends tags such as "en-gb"; one Intl does not know, or cannot read, falls back to the papers' own style.
function knownLocale(locale: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(locale).length > 0 ? locale : organisationLocale;
  } catch {
    return organisationLocale;
  }
}

export function dateStyle(locale: string): DateStyle {
  const tag = knownLocale(locale);
  const calendarDay = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const calendarMonth = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const localDay = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: organisationTimeZone });
  const localTime = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', timeZone: organisationTimeZone });
  // Noon, so that no offset moves a calendar date to the day before.
  const noon = (date: IsoDate): Date => new Date(`${date}T12:00:00Z`);
  return {
    date: (date) => calendarDay.format(noon(date)),
    month: (date) => calendarMonth.format(noon(date)),
    instant: (at) => `${localDay.format(new Date(at))}, ${localTime.format(new Date(at))}`,
    day: (at) => (at.length === 10 ? calendarDay.format(noon(at)) : localDay.format(new Date(at))),
  };
}

export function useDates(): DateStyle {
  const { locale } = useSession();
  return useMemo(() => dateStyle(locale), [locale]);
}
