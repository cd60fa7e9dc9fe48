/**
 * People as registers write them in one cell: "D/Supt Morgan Hale; C/Insp Ray Dunn", "ACO Finance and
 * Mr Lee – Head of Fleet". A rank with a slash ("D/Supt", "T/Det Supt") or a title after a dash is part of one
 * person, never a second one; people are separated by ";", new lines, commas, "&", "and" and a spaced " / ",
 * and by a closing bracket run into the next name, as pasted cells have it ("Consultant (Better Times)Sam Roe").
 */
export function splitOwnerNames(cell: string): string[] {
  return cell
    .replace(/<[^>]*>/g, '')
    .replace(/\)(?=\p{Lu})/gu, ');')
    .split(/\s*(?:;|\n)\s*/)
    .flatMap((part) => {
      // A title after a dash ("– Head of Fleet and Transport") belongs to the name before it, whatever it holds.
      const dash = /\s[–—-]\s/.exec(part);
      const names = dash ? part.slice(0, dash.index) : part;
      const title = dash ? part.slice(dash.index) : '';
      const people = names.split(/\s*(?:,|&|\s\/\s|\band\b)\s*/i).filter((n) => n.trim());
      return people.map((n, i) => (i === people.length - 1 ? `${n.trim()}${title.replace(/\s+/g, ' ')}` : n.trim()));
    })
    .filter(Boolean);
}

/** Ranks, honorifics and post abbreviations a register puts before a name. */
const honorific = /^(?:mr|mrs|ms|miss|mx|dr|cllr|prof|sir|dame|supt|insp|sgt|det|ch|pc|ps|ds|di|dci|dc|ci|aco|acc|dcc|cc)\.?$/i;

/** The name itself, for matching against the directory: no rank ("D/Supt"), honorific, title after a dash or in brackets. */
export function bareName(written: string): string {
  const withoutTitle = (written.split(/\s[–—-]\s/)[0] ?? written).replace(/\([^)]*\)/g, ' ');
  const words = withoutTitle.trim().split(/\s+/);
  while (words.length > 1 && (words[0]?.includes('/') || honorific.test(words[0] ?? ''))) words.shift();
  return words.join(' ');
}

const letters = (text: string): string => text.toLowerCase().replace(/[^a-z]/g, '');

/** Whether an e-mail address is this person's, by the letters of their name in its local part ("morgan.hale@"). */
export function emailFits(email: string, written: string): boolean {
  const local = letters(email.split('@')[0] ?? '');
  const words = bareName(written).split(/\s+/).map(letters).filter(Boolean);
  const surname = words.at(-1);
  return surname !== undefined && surname.length > 1 && local.includes(surname);
}
