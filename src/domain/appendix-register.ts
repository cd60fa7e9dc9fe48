import { parseAuditDate } from './register-import';
import { templateColumns, type TemplateColumn } from './register-template';
import { readTargetLine } from './target-line';

/** A Word table cell as read from the document: its paragraphs' text, and how many objects it embeds. */
export interface DocxCell {
  paragraphs: string[];
  embedded: number;
}

const fold = (text: string): string => text.toLowerCase().replace(/[^a-z]/g, '');
const appendixHeader = ['audittitle', 'risk', 'recommendationreference', 'businessowneractionplanupdates'];

/** Whether a table is Appendix A as the reference lays it out: Audit Title | Risk | Recommendation Reference | Business Owner – Action Plan Updates. */
export const isAppendixTable = (rows: readonly (readonly DocxCell[])[]): boolean =>
  appendixHeader.every((h, i) => fold(rows[0]?.[i]?.paragraphs.join(' ') ?? '') === h);

const clean = (text: string): string =>
  text
    .replace(/\[(?:bookmark|image):[^\]]*\]/gi, '')
    .replace(/\s+/g, ' ')
    .trim();

const opening = /^(high|medium|low)\s+priority\s+recommendation\s*:?\s*(.*)$/i;
const responsible = /^responsible\s+persons?\s*:\s*(.*)$/i;
const target = /^target(?:\s+date)?\s*[:\-–]\s*(.*)$/i;
const response = /^(?:initial\s+)?management\s+response\s*:\s*(.*)$/i;
const proposedClosed = /^proposed\s+closed\.?$/i;
const implemented = /^implemented\.?$/i;
const referenceAndTitle = /^((?:\d+\.)*\d+\.?[a-z]?|[a-z]?\d+(?:\.\d+)*)\s+(.+)$/i;

/** The audit cell: its title, opinion as written and month; blank or a ditto mark when it is the audit above. */
function auditOf(cell: DocxCell | undefined): { title: string; assurance: string; date: string } {
  const lines = (cell?.paragraphs ?? []).map(clean).filter(Boolean);
  const date = lines.find((l) => parseAuditDate(l)) ?? '';
  const assurance = lines.find((l) => /assurance|opinion/i.test(l) && l !== lines[0]) ?? '';
  return { title: lines[0] ?? '', assurance, date };
}

/** A part (a, b, ...) of a record, as the reference writes one: its text, who, its target line, its updates. */
export interface AppendixPart {
  label: string;
  text: string;
  owners: string;
  target: string;
  revisions: string[];
  updates: string;
}

const partStart = /^([a-h])[.)]\s+(.+)$/;
const nextLetter = (label: string): string => String.fromCharCode(label.charCodeAt(0) + 1);

/**
 * The record cell, read as the reference writes it: the recommendation, who, the target, then the updates.
 * "a. …" opening the recommendation, and each next letter after it, starts a part with its own person, target
 * and updates (reference lines 1557-1570); the record's PROPOSED CLOSED is the whole item's.
 */
function recordOf(cell: DocxCell | undefined) {
  const lines = (cell?.paragraphs ?? []).map((p) => p.replace(/\[(?:bookmark|image):[^\]]*\]/gi, '').trim());
  const whole = { text: [] as string[], owners: '', target: '', revisions: [] as string[], updates: [] as string[] };
  const parts: (typeof whole & { label: string })[] = [];
  let priority = '';
  let managementResponse = '';
  let status = 'Open';
  let inRecommendation = false;
  for (const line of lines) {
    const flat = clean(line);
    const open = opening.exec(flat);
    if (open && !priority) {
      priority = open[1] ?? '';
      if (open[2]) whole.text.push(open[2]);
      inRecommendation = true;
      continue;
    }
    const part = partStart.exec(flat);
    const last = parts.at(-1);
    if (part && (last ? part[1] === nextLetter(last.label) : inRecommendation && part[1] === 'a')) {
      parts.push({ label: part[1] ?? '', text: [part[2] ?? ''], owners: '', target: '', revisions: [], updates: [] });
      inRecommendation = true;
      continue;
    }
    const into = parts.at(-1) ?? whole;
    const who = responsible.exec(flat);
    const when = target.exec(flat);
    const answer = response.exec(flat);
    if (who || when || answer || proposedClosed.test(flat) || !flat) inRecommendation = false;
    if (who) into.owners = who[1] ?? '';
    else if (when) {
      // The target, its revisions, then who, when no line names them ("January 2025 – Dana Reid (Vetting Manager)").
      const read = readTargetLine(when[1] ?? '');
      into.target = read.original;
      into.revisions = read.revisions;
      if (!into.owners) into.owners = read.person;
    } else if (answer) managementResponse = answer[1] ?? '';
    else if (proposedClosed.test(flat)) status = 'Proposed closed';
    else if (inRecommendation) into.text.push(line);
    else if (flat) {
      // The auditor's revisit finding "Implemented" puts the item forward, unless the audit team already did.
      if (implemented.test(flat) && status === 'Open') status = 'Implemented';
      into.updates.push(line);
    }
  }
  // An item in parts is, as a whole, what its parts are: their text and people, and the last part's target.
  const lastPart = parts.at(-1);
  return {
    priority,
    text: [...whole.text, ...parts.map((p) => `${p.label}. ${p.text.join('\n')}`)].join('\n'),
    owners: whole.owners || [...new Set(parts.map((p) => p.owners).filter(Boolean))].join('; '),
    targetText: whole.target || (lastPart?.target ?? ''),
    revisions: whole.target ? whole.revisions : (lastPart?.revisions ?? []),
    managementResponse,
    status,
    updates: whole.updates.join('\n'),
    parts: parts.map((p): AppendixPart => ({
      label: p.label,
      text: p.text.join('\n'),
      owners: p.owners,
      target: p.target,
      revisions: p.revisions,
      updates: p.updates.join('\n'),
    })),
  };
}

/**
 * Appendix A's rows as the register template's, header first, so the same import reads them: the audit from its
 * cell (blank or ditto: the one above), the priority from the record's opening words, "Responsible Person:" and
 * the target line, the dated updates, PROPOSED CLOSED or the auditor's "Implemented" as the status, and the parts.
 */
export function appendixRegister(rows: readonly (readonly DocxCell[])[]): {
  table: string[][];
  embedded: { rowIndex: number; count: number }[];
  parts: { rowIndex: number; parts: AppendixPart[] }[];
} {
  const body = rows.slice(1).filter((r) => r.some((c) => c.paragraphs.some((p) => p.trim())));
  const table: string[][] = [[...templateColumns]];
  const embedded: { rowIndex: number; count: number }[] = [];
  const parts: { rowIndex: number; parts: AppendixPart[] }[] = [];
  body.forEach((cells) => {
    const audit = auditOf(cells[0]);
    const reference = clean(cells[2]?.paragraphs.join(' ') ?? '');
    const split = referenceAndTitle.exec(reference);
    const record = recordOf(cells[3]);
    const values: Partial<Record<TemplateColumn, string>> = {
      'Audit Title': audit.title,
      'Audit Date': audit.date,
      Assurance: audit.assurance,
      Reference: split?.[1] ?? reference,
      'Recommendation Title': split?.[2] ?? reference,
      Priority: record.priority || clean(cells[1]?.paragraphs.join(' ') ?? ''),
      Recommendation: record.text,
      'Management Response': record.managementResponse,
      'Owner Name': record.owners,
      'Original Target': record.targetText,
      // One revision a line, oldest first, as the template's Current Target may list them.
      'Current Target': record.revisions.join('\n'),
      Status: record.status,
      'Latest Update': record.updates,
    };
    table.push(templateColumns.map((c) => values[c] ?? ''));
    const count = cells.reduce((n, c) => n + c.embedded, 0);
    if (count > 0) embedded.push({ rowIndex: table.length - 1, count });
    if (record.parts.length > 0) parts.push({ rowIndex: table.length - 1, parts: record.parts });
  });
  return { table, embedded, parts };
}
