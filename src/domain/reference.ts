/**
 * A recommendation reference is unique only within its audit and is written in several ways:
 * "4.2", "4.3.", "1.", "1.Multiple", " 4.2 ". The key is what two spellings of one reference share.
 */
export function normaliseReference(asWritten: string): string {
  const compact = asWritten.trim().replace(/\s+/g, ' ');
  const numbered = /^(\d+(?:\.\d+)*)\.?\s*(?:multiple\b.*)?$/i.exec(compact);
  if (numbered?.[1]) return numbered[1];
  return compact.replace(/[.\s]+$/, '').toLowerCase();
}

const numericOrder = new Intl.Collator('en', { numeric: true });

/** Orders "4.10" after "4.9" and "2" before "10". */
export function compareReferences(a: string, b: string): number {
  return compareReferenceKeys(normaliseReference(a), normaliseReference(b));
}

/** The same order for references already normalised (a recommendation's referenceKey), without normalising again. */
export const compareReferenceKeys = (a: string, b: string): number => numericOrder.compare(a, b);
