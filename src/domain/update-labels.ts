import { monthNames } from './calendar';

/**
 * A register's update cell as the reference writes it: several updates, each under a dated label ("UPDATE April
 * 2025:", "Update June 2023:", "UPDATE APRIL2025:", "UPDATE Oct 2024:", "Progress Update April:"). Each becomes
 * the update of the cycle its label names; the cycle is named as the tracker names cycles ("April 2025").
 */
export interface DatedUpdate {
  /** The label as written, without its colon; undefined for the text before the first label. */
  label?: string;
  /** The cycle the label names; undefined when it names none (no label, or no year to be had). */
  cycle?: string;
  text: string;
  /** Who wrote it, when the register says (an Updates sheet's Author column). */
  author?: string;
  /** The part (a, b, ...) it reports on, when the paper writes it under one. */
  part?: string;
}

const monthPattern = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
// A label starts a line (or the cell) so that "an update on April…" in a sentence is not one.
const labelPattern = new RegExp(`(^|\\n)[ \\t]*((?:progress\\s+)?update\\s+(${monthPattern})(?![a-z])\\s*(\\d{4})?)[ \\t]*:?`, 'gi');

const monthOf = (word: string): number => monthNames.findIndex((m) => m.toLowerCase().startsWith(word.slice(0, 3).toLowerCase())) + 1;

/** Splits the cell at its labels, oldest label first as written; a yearless label takes its year from its neighbours. */
export function splitDatedUpdates(cell: string): DatedUpdate[] {
  const found = [...cell.matchAll(labelPattern)].map((m) => ({
    start: m.index + (m[1] ?? '').length,
    end: m.index + m[0].length,
    label: (m[2] ?? '').replace(/\s+/g, ' ').trim(),
    month: monthOf(m[3] ?? ''),
    year: m[4] ? Number(m[4]) : undefined,
  }));
  const years = found.map((f) => f.year);
  // "UPDATE October:" before "UPDATE April 2025" is October 2024; after "UPDATE July 2024" it is October 2024.
  found.forEach((f, i) => {
    if (f.year !== undefined) return;
    const before = years.slice(0, i).findLastIndex((y) => y !== undefined);
    const after = found.findIndex((g, j) => j > i && g.year !== undefined);
    const near = (j: number): { month: number; year: number } => ({ month: found[j]?.month ?? 1, year: years[j] ?? 0 });
    if (before !== -1) years[i] = f.month >= near(before).month ? near(before).year : near(before).year + 1;
    else if (after !== -1) years[i] = f.month <= near(after).month ? near(after).year : near(after).year - 1;
  });
  const parts: DatedUpdate[] = [];
  const lead = cell.slice(0, found[0]?.start ?? cell.length).trim();
  if (lead) parts.push({ text: lead });
  found.forEach((f, i) => {
    const text = cell.slice(f.end, found[i + 1]?.start ?? cell.length).trim();
    const year = years[i];
    parts.push({ label: f.label, cycle: year === undefined ? undefined : `${monthNames[f.month - 1] ?? ''} ${year}`, text });
  });
  return parts;
}

/** Whether a column heading is a dated update label ("Update April 2025", "UPDATE Oct 2024"): a column of history. */
export function isUpdateLabel(heading: string): boolean {
  const [part, ...rest] = splitDatedUpdates(`${heading.trim()}:`);
  return rest.length === 0 && part?.label !== undefined && part.text === '';
}
