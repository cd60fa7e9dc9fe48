import type { Status } from './lifecycle';

/**
 * The register template: its columns, and its status words both ways. The import reads it, the export writes it,
 * and the empty template is made from it, so the three cannot disagree.
 */
export const templateColumns = [
  'Audit Title',
  'Audit Date',
  'Assurance',
  'Reference',
  'Recommendation Title',
  'Priority',
  'Recommendation',
  'Management Response',
  'Owner Name',
  'Owner Email',
  'Original Target',
  'Current Target',
  'Status',
  'Latest Update',
  // Last, so registers made from the first template (without it) still line up.
  'Auditor',
] as const;
export type TemplateColumn = (typeof templateColumns)[number];
export const requiredColumns: readonly TemplateColumn[] = ['Audit Title', 'Reference', 'Recommendation Title', 'Priority'];

/** The word the template writes for each status: the tracker's finer states share the template's words. */
export const templateStatusWords: Record<Status, 'Open' | 'Proposed closed' | 'Closed' | 'Not adopted' | 'Risk accepted' | 'Superseded'> = {
  open: 'Open',
  returnedToOwner: 'Open',
  proposedClosed: 'Proposed closed',
  acceptedForPanel: 'Proposed closed',
  // Still on the books until the panel notes it.
  withdrawalProposed: 'Open',
  conditionallyAgreed: 'Proposed closed',
  closed: 'Closed',
  notAdopted: 'Not adopted',
  riskAccepted: 'Risk accepted',
  superseded: 'Superseded',
};

/** Whether a register would write the two statuses with the same word: then importing one over the other changes nothing. */
export const sameTemplateStatus = (a: Status, b: Status): boolean => templateStatusWords[a] === templateStatusWords[b];

/**
 * What a register's status word says happened, in the register's own terms: PROPOSED CLOSED is the coordinator's
 * marker (put to the panel); "Implemented" or "Completed" is someone saying it is done (for the coordinator to
 * review); "Closed" was decided before the import; "Not accepted" is a closure the panel sent back.
 */
export const registerStatuses = ['open', 'proposedClosed', 'implemented', 'closed', 'notAccepted', 'notAdopted', 'riskAccepted', 'superseded'] as const;
export type RegisterStatus = (typeof registerStatuses)[number];

const statusWords: [RegExp, RegisterStatus][] = [
  [/^(open|ongoing|in progress|not started|outstanding|live)$/, 'open'],
  [/^(proposed closed|proposed for closure|propose closed|proposed)$/, 'proposedClosed'],
  [/^(implemented|complete|completed|done)$/, 'implemented'],
  [/^(closed|agreed closed)$/, 'closed'],
  [/^(not accepted|closure not accepted)$/, 'notAccepted'],
  [/^(not adopted|withdrawn)$/, 'notAdopted'],
  [/^(risk accepted)$/, 'riskAccepted'],
  [/^(superseded)$/, 'superseded'],
];

/** What a register's word means (synonyms included); a blank cell is open; undefined for a word it is not. */
export function parseStatus(text: string): RegisterStatus | undefined {
  const value = text
    .toLowerCase()
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!value) return 'open';
  return statusWords.find(([pattern]) => pattern.test(value))?.[1];
}
