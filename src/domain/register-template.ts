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

type TemplateStatusWord = 'Open' | 'Implemented' | 'Proposed closed' | 'Closed' | 'Not adopted' | 'Risk accepted' | 'Superseded';

/** The word the template writes for each status: the tracker's finer states share the template's words. */
export const templateStatusWords: Record<Status, TemplateStatusWord> = {
  open: 'Open',
  returnedToOwner: 'Open',
  // Someone says it is done and the coordinator has yet to review it: imported again, it waits for her review,
  // where "Proposed closed" (her own marker) would put it straight to the panel.
  proposedClosed: 'Implemented',
  acceptedForPanel: 'Proposed closed',
  // Still on the books until the panel notes it.
  withdrawalProposed: 'Open',
  conditionallyAgreed: 'Proposed closed',
  closed: 'Closed',
  notAdopted: 'Not adopted',
  riskAccepted: 'Risk accepted',
  superseded: 'Superseded',
};

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

/** The template's word for what a register's word says: an export imported again reads as unchanged. */
export const registerStatusWords: Record<RegisterStatus, TemplateStatusWord> = {
  open: 'Open',
  proposedClosed: 'Proposed closed',
  implemented: 'Implemented',
  closed: 'Closed',
  // A closure the panel sent back leaves the item open, as the template writes it.
  notAccepted: 'Open',
  notAdopted: 'Not adopted',
  riskAccepted: 'Risk accepted',
  superseded: 'Superseded',
};

/** Whether a register's word says what the template would write for the status: then importing it changes nothing. */
export const saysStatus = (word: RegisterStatus, status: Status): boolean => registerStatusWords[word] === templateStatusWords[status];

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
