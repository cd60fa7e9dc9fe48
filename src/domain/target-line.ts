import { datePositions } from './target-date';

/**
 * A paper's target line as the reference writes it, after "Target Date:": the original date, the revisions the
 * coordinator wrote beside it, and often who owns it ("June 2023 Target date change to Q3 2024 - Sam Roe
 * Director", "31st March 2025 Revised Target – End of August 2025", "Revised to Aug 2025 Aug 2023 Supt Lee Ward").
 * Nothing is dropped: words that are neither a date nor a person stay with the date before them.
 */
export interface TargetLine {
  /** The first date not written as a revision, with the words that lead to it ("Implemented by May 2023"). */
  original: string;
  /** Each revision, in the order written. */
  revisions: string[];
  /** Who the line names after the dates, when it names someone. */
  person: string;
}

const revisionMarker =
  /\b(?:revised(?:\s+target)?(?:\s+date)?(?:\s+for\s+completion)?(?:\s+(?:is|to))?(?:\s+the)?|target\s+date\s+change[sd]?(?:\s+to)?|new\s+target(?:\s+date)?|extended\s+to)\b/i;
const separators = /^[\s–—:,-]+|[\s–—:,-]+$/g;
const trimmed = (text: string): string => text.replace(separators, '').replace(/\s+/g, ' ');
/** Starts as a person does: two capitalised words, the first perhaps a rank with a slash ("D/Supt Morgan Hale"). */
const nameLike = /^(?:\p{Lu}[\p{L}'’.]*\/)?\p{Lu}[\p{L}'’.-]*\s+\p{Lu}/u;

export function readTargetLine(text: string): TargetLine {
  const entries: { text: string; revised: boolean }[] = [];
  const extend = (words: string): void => {
    const last = entries.at(-1);
    if (last && trimmed(words)) last.text = trimmed(`${last.text} ${words}`);
  };
  let from = 0;
  for (const date of datePositions(text)) {
    const before = text.slice(from, date.start);
    const marker = revisionMarker.exec(before);
    const phrase = trimmed((marker ? before.slice(marker.index + marker[0].length) : before) + text.slice(date.start, date.end));
    if (marker) {
      extend(before.slice(0, marker.index));
      entries.push({ text: phrase, revised: true });
    } else if (entries.some((e) => !e.revised)) extend(before + text.slice(date.start, date.end));
    else entries.push({ text: phrase, revised: false });
    from = date.end;
  }
  const rest = entries.length > 0 ? text.slice(from) : text;
  const chunks = rest
    .split(/\s[–—-]\s?|\s?[–—-]\s/)
    .map(trimmed)
    .filter(Boolean);
  // With no date, the first chunk is the target as written ("TBC – Dana Reid"): a person can only follow it.
  const firstPerson = chunks.findIndex((chunk, i) => nameLike.test(chunk) && (entries.length > 0 || i > 0));
  const words = firstPerson === -1 ? chunks : chunks.slice(0, firstPerson);
  if (entries.length === 0) entries.push({ text: words.join(' – '), revised: false });
  else extend(words.join(' – '));
  return {
    original: entries.find((e) => !e.revised)?.text ?? '',
    revisions: entries.filter((e) => e.revised).map((e) => e.text),
    person: firstPerson === -1 ? '' : chunks.slice(firstPerson).join(' – '),
  };
}
