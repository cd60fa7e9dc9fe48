import { z } from 'zod';
import { endOfMonth, firstOfMonth, isoDate, isoDateSchema, isValidDay, monthNames, type IsoDate } from './calendar';

/**
 * A target date as registers write it, with what could be read from it. The text is always kept.
 * `due` is the last day the wording allows ("Aug 2025" is due 31 August); a flag means the coordinator
 * must look: nothing is guessed silently.
 */
export const targetDateFlags = ['noDate', 'unparsed', 'ambiguous'] as const;
export const targetDateSchema = z.object({
  text: z.string(),
  from: isoDateSchema.optional(),
  due: isoDateSchema.optional(),
  flag: z.enum(targetDateFlags).optional(),
});
export type TargetDate = z.infer<typeof targetDateSchema>;

interface Span {
  from: IsoDate;
  due: IsoDate;
  /** Where in the text it was read, so overlapping readings are not counted twice. */
  start: number;
  end: number;
}

const monthPattern = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

function monthNumber(word: string): number {
  const prefix = word.slice(0, 3).toLowerCase();
  return monthNames.findIndex((name) => name.slice(0, 3).toLowerCase() === prefix) + 1;
}

const fullYear = (twoOrFour: string): number => (twoOrFour.length === 2 ? 2000 + Number(twoOrFour) : Number(twoOrFour));

function monthSpan(year: number, fromMonth: number, toMonth: number): Pick<Span, 'from' | 'due'> {
  return { from: firstOfMonth(year, fromMonth), due: endOfMonth(year, toMonth) };
}

/** UK financial year starting in April of `startYear`: Q1 = Apr-Jun ... Q4 = Jan-Mar of the next year. */
function financialQuarter(startYear: number, quarter: number): Pick<Span, 'from' | 'due'> {
  const firstMonth = (((quarter - 1) * 3 + 3) % 12) + 1;
  const year = quarter === 4 ? startYear + 1 : startYear;
  return monthSpan(year, firstMonth, firstMonth + 2);
}

function calendarQuarter(year: number, fromQuarter: number, toQuarter: number): Pick<Span, 'from' | 'due'> {
  return monthSpan(year, (fromQuarter - 1) * 3 + 1, toQuarter * 3);
}

const quarterWord = String.raw`(?:q|qtr|quarter)\s*([1-4])|([1-4])(?:st|nd|rd|th)?\s*(?:q|qtr|quarter)\b`;
const financialYear = String.raw`(\d{4}|\d{2})\s*[-/]\s*(\d{2}|\d{4})`;

/**
 * How the organisation reads a quarter written without its financial year ("Q3 2024"): as the calendar quarter,
 * as the quarter of the financial year starting that April, or (unset) not at all: the date is flagged
 * ambiguous for the coordinator, since registers use both ("Q3 2024" beside "end of Q1 2024-25").
 */
export interface TargetReading {
  bareQuarters?: 'calendar' | 'financial';
}

interface Reader {
  pattern: RegExp;
  read: (match: RegExpExecArray, reading: TargetReading) => Pick<Span, 'from' | 'due'> | 'ambiguous' | undefined;
}

function consecutiveYears(first: string, second: string): number | undefined {
  const start = fullYear(first);
  const end = fullYear(second.length === 2 && first.length === 4 ? first.slice(0, 2) + second : second);
  return end === start + 1 ? start : undefined;
}

// Most specific readers first: a span read by an earlier reader hides overlapping readings of later ones.
const readers: Reader[] = [
  {
    // 2025-03-31
    pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    read: ([, y, m, d]) => dayReading(Number(y), Number(m), Number(d)),
  },
  {
    // 31/03/2025, 31.3.25 (UK order)
    pattern: /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/g,
    read: ([, d, m, y]) => dayReading(fullYear(y ?? ''), Number(m), Number(d)),
  },
  {
    // 31st March 2025, 1 Aug 2025
    pattern: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${monthPattern})\.?,?\s+(\d{4})\b`, 'gi'),
    read: ([, d, m, y]) => dayReading(Number(y), monthNumber(m ?? ''), Number(d)),
  },
  {
    // Q1 2024-25, 3rd Qtr 2025-26, Qtr 3 / 4 2024-25 (financial year)
    pattern: new RegExp(String.raw`\b(?:${quarterWord})(?:\s*[/&-]\s*([1-4]))?\s*(?:of\s+)?(?:fy\s*)?${financialYear}\b`, 'gi'),
    read: ([, qa, qb, qTo, y1, y2]) => {
      const start = consecutiveYears(y1 ?? '', y2 ?? '');
      if (start === undefined) return undefined;
      const first = financialQuarter(start, Number(qa ?? qb));
      return { from: first.from, due: financialQuarter(start, Number(qTo ?? qa ?? qb)).due };
    },
  },
  {
    // Q3 2024, Qtr 3 / 4 2024: a year but no financial year, read as the organisation says
    pattern: new RegExp(String.raw`\b(?:${quarterWord})(?:\s*[/&-]\s*([1-4]))?\s*(?:of\s+)?(\d{4})\b`, 'gi'),
    read: ([, qa, qb, qTo, y], reading) => {
      const from = Number(qa ?? qb);
      const to = Number(qTo ?? from);
      if (to < from) return undefined;
      if (reading.bareQuarters === 'calendar') return calendarQuarter(Number(y), from, to);
      if (reading.bareQuarters === 'financial') return { from: financialQuarter(Number(y), from).from, due: financialQuarter(Number(y), to).due };
      return 'ambiguous';
    },
  },
  {
    // March/April 2022, Aug 2025, January 2025
    pattern: new RegExp(String.raw`\b(${monthPattern})\.?(?:\s*[/&-]\s*(${monthPattern})\.?)?,?\s+(\d{4})\b`, 'gi'),
    read: ([, m1, m2, y]) => {
      const from = monthNumber(m1 ?? '');
      const to = m2 ? monthNumber(m2) : from;
      return to >= from ? monthSpan(Number(y), from, to) : undefined;
    },
  },
  {
    // 25/26, 2025-26, financial year 2025/2026
    pattern: new RegExp(String.raw`(?<![\d/.-])${financialYear}(?![\d/.-])`, 'g'),
    read: ([, y1, y2]) => {
      const start = consecutiveYears(y1 ?? '', y2 ?? '');
      return start === undefined ? undefined : { from: firstOfMonth(start, 4), due: endOfMonth(start + 1, 3) };
    },
  },
];

function dayReading(year: number, month: number, day: number): Pick<Span, 'from' | 'due'> | undefined {
  if (!isValidDay(year, month, day)) return undefined;
  const date = isoDate(year, month, day);
  return { from: date, due: date };
}

function readSpans(text: string, options: TargetReading): { spans: Span[]; ambiguous: boolean } {
  const spans: Span[] = [];
  let ambiguous = false;
  for (const reader of readers) {
    for (const match of text.matchAll(reader.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (spans.some((s) => start < s.end && end > s.start)) continue;
      const reading = reader.read(match as RegExpExecArray, options);
      if (reading === 'ambiguous') ambiguous = true;
      else if (reading) spans.push({ ...reading, start, end });
    }
  }
  return { spans, ambiguous };
}

/** Where the dates of a text are, in order, those read more than one way included: to split a line at them. */
export function datePositions(text: string): { start: number; end: number }[] {
  const taken: { start: number; end: number }[] = [];
  for (const reader of readers) {
    for (const match of text.matchAll(reader.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!taken.some((s) => start < s.end && end > s.start) && reader.read(match as RegExpExecArray, { bareQuarters: 'calendar' })) taken.push({ start, end });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

const noDateWords = /^\s*(tbc|tba|to be (confirmed|agreed)|ongoing|on-going|n\/?a|none|-|)\s*\.?\s*$/i;

/** Reads a target date as written in a register. Never throws: what cannot be read is flagged. */
export function parseTargetDate(asWritten: string, options: TargetReading = {}): TargetDate {
  const text = asWritten.replace(/\s+/g, ' ').trim();
  if (noDateWords.test(text) || /^\s*(tbc|tba|to be confirmed)\b/i.test(text)) return { text, flag: 'noDate' };
  const { spans, ambiguous } = readSpans(text, options);
  const distinct = new Set(spans.map((s) => `${s.from}/${s.due}`));
  const [only] = spans;
  if (ambiguous || distinct.size > 1) return { text, flag: 'ambiguous' };
  if (!only) return { text, flag: 'unparsed' };
  return { text, from: only.from, due: only.due };
}

/** A target set from a picked date rather than typed words. */
export function exactTarget(date: IsoDate, text = date): TargetDate {
  return { text, from: date, due: date };
}

/** What the tracker read from a wording, said back as it is typed, so nothing is guessed unseen. */
export function describeReading(target: TargetDate): string {
  if (target.due) return `Read as due ${target.due}`;
  if (target.flag === 'noDate') return 'No date in this: it will be flagged for a date';
  if (target.flag === 'ambiguous') return 'This can be read more than one way (a calendar or a financial year?): it will be flagged';
  return 'Not a date we can read: it will be flagged';
}
