import { auditKey, type Audit } from './audit';
import { monthNames } from './calendar';
import { parseOpinion } from './opinion';
import { emailFits, splitOwnerNames } from './owner-names';
import { personSchema, type Person } from './people';
import { parsePriority } from './priority';
import { applyTransition, statusLabel, type Status, type TransitionName, type Withdrawal } from './lifecycle';
import type { Recommendation } from './recommendation';
import { normaliseReference } from './reference';
import type { AppendixPart } from './appendix-register';
import { parseStatus, requiredColumns, templateColumns, type RegisterStatus, type TemplateColumn } from './register-template';
import { parseTargetDate, type TargetDate, type TargetReading } from './target-date';
import { isUpdateLabel, splitDatedUpdates, type DatedUpdate } from './update-labels';

/**
 * Reading a register as customers keep it: one row per recommendation in the template's columns, with the
 * mess real registers have (ditto marks, reference variants, free-text dates, two owners in a cell, Word
 * artefacts). Everything is kept as written; what cannot be read becomes a finding, never a guess.
 */
export interface Finding {
  level: 'error' | 'warning';
  column?: TemplateColumn;
  message: string;
}

/** How the dry run counts a row: what its status word makes of the item. */
export type ImportOutcome = 'open' | 'toPanel' | 'forReview' | 'closedBefore' | 'notAccepted' | 'withdrawnBefore';

/** A register's status, reached through the state machine from open, with the trail entry that says so. */
export interface ImportedStatus {
  status: Status;
  statusReason?: string;
  /** The trail entry for a step the import takes: its kind and what it says (with the file and row). */
  step?: { kind: 'imported' | TransitionName; detail: string };
  /** Someone says it is done ("Implemented"): an audit-team update proposes it closed, for the coordinator to review. */
  proposes?: string;
  outcome: ImportOutcome;
  /** The register's word, as read: what a re-import compares with the item's status. */
  word: RegisterStatus;
}

const asCoordinator = { role: 'coordinator', ownsItem: false } as const;

/** What the register's word makes of a new item, each step checked by the lifecycle; `where` is "file, row N". */
export const importedStatus = (word: RegisterStatus, where: string): ImportedStatus => ({ ...statusReached(word, where), word });

function statusReached(word: RegisterStatus, where: string): Omit<ImportedStatus, 'word'> {
  const step = (transition: TransitionName, reason: string, from: Status = 'open', withdrawal?: Withdrawal): Status =>
    applyTransition(from, { transition, actor: asCoordinator, reason, withdrawal });
  switch (word) {
    case 'open':
      return { status: 'open', outcome: 'open' };
    case 'proposedClosed': {
      // PROPOSED CLOSED is the coordinator's own marker (domain.md): proposed, and put to the panel.
      const detail = `Proposed closed in the imported register (${where}): put to the panel`;
      return { status: step('acceptForPanel', detail, 'proposedClosed'), statusReason: detail, step: { kind: 'imported', detail }, outcome: 'toPanel' };
    }
    case 'implemented':
      return { status: 'open', proposes: `Recorded as implemented in the imported register (${where}): for the audit team to review.`, outcome: 'forReview' };
    case 'closed': {
      const detail = `Closed before the import, as the register records (${where})`;
      return { status: step('importClosed', detail), statusReason: detail, step: { kind: 'importClosed', detail }, outcome: 'closedBefore' };
    }
    case 'notAccepted': {
      const detail = `The panel did not accept its closure, as the imported register records (${where})`;
      return { status: 'open', statusReason: detail, step: { kind: 'imported', detail }, outcome: 'notAccepted' };
    }
    case 'notAdopted':
    case 'riskAccepted':
    case 'superseded': {
      const detail = `${statusLabel[word]} before the import, as the register records (${where})`;
      return {
        status: step('importWithdrawn', detail, 'open', word),
        statusReason: detail,
        step: { kind: 'importWithdrawn', detail },
        outcome: 'withdrawnBefore',
      };
    }
  }
}

/** "register.xlsx, row 12": where a row came from, as its trail entries say. */
export const importSource = (fileName: string | undefined, rowNumber: number): string => `${fileName ? `${fileName}, ` : ''}row ${rowNumber}`;

export interface ImportedRow {
  /** The row's number in the file, counting the header as row 1. */
  rowNumber: number;
  /** What its status word made of the item, and how. */
  imported: ImportedStatus;
  auditKey: string;
  recommendation: Omit<Recommendation, 'id' | 'auditId'>;
  /** The update cell split at its dated labels: each part is filed under the cycle its label names. */
  history: DatedUpdate[];
  /** Documents the row embedded in the paper it came from: listed as its evidence. */
  embeddedEvidence: number;
  /** The owner cell's people in order, those without an email still to be found in the directory. */
  ownerSlots: OwnerSlot[];
  /** The parts (a, b, ...) a paper wrote, each with its own people: made once their owners are known. */
  parts: ImportedPart[];
  findings: Finding[];
}

/** A part as read: its owners still to be found where the paper names them without emails. */
export interface ImportedPart {
  label: string;
  text: string;
  ownerSlots: OwnerSlot[];
  /** The part's current target: its last revision, or the original. */
  target: TargetDate;
}

export interface ImportPlan {
  audits: Map<string, Omit<Audit, 'id'>>;
  /** The template columns the file has: a column it lacks says nothing, so the import leaves that field alone. */
  columns: ReadonlySet<TemplateColumn>;
  rows: ImportedRow[];
  /** Problems with the file as a whole (missing columns): nothing can be imported. */
  fileErrors: string[];
  /** What the coordinator should know about the file as a whole (an Updates sheet's rows that match no item). */
  notices: string[];
}

/** The auditor of an audit whose register names none. */
export const unnamedAuditor = 'Internal audit';

const fold = (text: string): string => text.toLowerCase().replace(/[^a-z]/g, '');

/** Word's hidden bookmarks and stray whitespace, removed; the text is otherwise as written. */
export function cleanCell(raw: string | undefined): string {
  return (raw ?? '')
    .replace(/\[bookmark:\s*[^\]]*\]/gi, '')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

const isDitto = (text: string): boolean => /^(["\u201c\u201d\u201e\u2033\u3003]+|ditto|as above|-\s*"\s*-)$/i.test(text.trim());

/** Maps the header row to template columns, tolerating case, spacing and punctuation. */
export function matchHeader(header: readonly string[]): { columns: Map<TemplateColumn, number>; missing: TemplateColumn[] } {
  const columns = new Map<TemplateColumn, number>();
  header.forEach((name, index) => {
    const column = templateColumns.find((c) => fold(c) === fold(cleanCell(name)));
    if (column && !columns.has(column)) columns.set(column, index);
  });
  return { columns, missing: requiredColumns.filter((c) => !columns.has(c)) };
}

/** "September 2018", "Sep-18", "2018-09", "09/2018", an Excel date as 2018-09-01: to month and year. */
export function parseAuditDate(text: string): { year: number; month: number } | undefined {
  const value = text.trim();
  let m = /^(\d{4})-(\d{1,2})(?:-\d{1,2})?(?:T.*)?$/.exec(value);
  if (m) return { year: Number(m[1]), month: Number(m[2]) };
  m = /^(\d{1,2})\/(\d{4})$/.exec(value);
  if (m) return { year: Number(m[2]), month: Number(m[1]) };
  m = /^(?:\d{1,2}(?:st|nd|rd|th)?\s+)?([a-z]{3,9})\.?[\s-]+(\d{4}|\d{2})$/i.exec(value);
  if (m) {
    const month = monthNames.findIndex((name) => name.slice(0, 3).toLowerCase() === m?.[1]?.slice(0, 3).toLowerCase()) + 1;
    const year = m[2]?.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
    if (month > 0) return { year, month };
  }
  return undefined;
}

/** One person of an owner cell, in the cell's order: with their email, or a name still to be found in the directory. */
export type OwnerSlot = { person: Person; name?: undefined } | { person?: undefined; name: string };

/**
 * Owners from the name and email cells, in the cell's order. Names and emails pair by position when they are as
 * many; otherwise each email goes to the name it spells, and a name left without one is flagged, never invented:
 * its slot is kept, for the directory to be asked.
 */
export function parseOwners(names: string, emails: string): { owners: Person[]; slots: OwnerSlot[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const nameList = splitOwnerNames(names);
  const emailList = [...new Set([...`${emails} ${names}`.matchAll(/[^\s<>;,/]+@[^\s<>;,/]+/g)].map((m) => m[0].toLowerCase()))];
  const byPosition = nameList.length === emailList.length || nameList.length === 0;
  const pairs: { email?: string; name?: string }[] = byPosition
    ? emailList.map((email, i) => ({ email, name: nameList[i] }))
    : nameList.map((name) => ({ name, email: emailList.find((e) => emailFits(e, name)) }));
  pairs.push(...emailList.filter((email) => !pairs.some((p) => p.email === email)).map((email) => ({ email })));
  const unpaired = pairs.flatMap((p) => (p.email ? [] : [p.name ?? '']));
  if (emailList.length === 0) {
    findings.push({
      level: 'warning',
      column: 'Owner Email',
      message: nameList.length ? `No email for ${nameList.join(', ')}: assign an owner` : 'No owner: assign an owner',
    });
  } else if (unpaired.length > 0) {
    findings.push({ level: 'warning', column: 'Owner Email', message: `No email for ${unpaired.join(', ')}: assign them, or add their email to the file` });
  }
  const slots: OwnerSlot[] = [];
  for (const { email, name } of pairs) {
    if (!email) {
      slots.push({ name: name ?? '' });
      continue;
    }
    const parsed = personSchema.safeParse({ email, name: name ?? email.split('@')[0] ?? email });
    if (parsed.success) slots.push({ person: parsed.data });
    else findings.push({ level: 'warning', column: 'Owner Email', message: `'${email}' is not an email address: assign an owner` });
  }
  const owners = slots.flatMap((slot) => (slot.person ? [slot.person] : []));
  if (owners.length > 3) {
    findings.push({ level: 'warning', column: 'Owner Name', message: `${owners.length} owners: the first three are kept; give the others sub-parts` });
  }
  return { owners: owners.slice(0, 3), slots, findings };
}

function targetFindings(target: TargetDate, column: TemplateColumn): Finding[] {
  if (target.flag === 'noDate')
    return [{ level: 'warning', column, message: target.text ? `'${target.text}' has no date: set a target` : 'No target date: set one' }];
  if (target.flag === 'unparsed') return [{ level: 'warning', column, message: `'${target.text}' is not a date we can read: check it` }];
  if (target.flag === 'ambiguous') return [{ level: 'warning', column, message: `'${target.text}' holds more than one date: check which applies` }];
  return [];
}

/** How the file was read: its name (for the trail), how to read bare quarters, and what a row needs checking for. */
export interface ImportSource {
  fileName?: string;
  reading?: TargetReading;
  /** By the row's index in the table (the header is 0). */
  rowFindings?: readonly { rowIndex: number; message: string }[];
  /** An Updates sheet in long format, header first: Audit Title (optional), Reference, Label, Date, Author, Text. */
  updateRows?: readonly (readonly string[])[];
  /** Rows whose cells embed documents (a Word paper's Appendix A), by index in the table. */
  embedded?: readonly { rowIndex: number; count: number }[];
  /** Rows in parts, with each part's text, people, target line and updates as written, by index in the table. */
  parts?: readonly { rowIndex: number; parts: readonly AppendixPart[] }[];
}

/** A row's parts, each with its people, its current target and its updates under its label. */
function partsOf(written: readonly AppendixPart[], reading: TargetReading): { parts: ImportedPart[]; history: DatedUpdate[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const parts = written.map((p): ImportedPart => {
    const { slots } = parseOwners(p.owners, '');
    if (slots.length === 0) findings.push({ level: 'warning', column: 'Owner Name', message: `Part ${p.label} names nobody: it takes the item's owners` });
    const target = parseTargetDate(p.revisions.at(-1) ?? p.target, reading);
    findings.push(...targetFindings(target, 'Current Target').map((f) => ({ ...f, message: `Part ${p.label}: ${f.message}` })));
    return { label: p.label, text: p.text, ownerSlots: slots, target };
  });
  const history = written.flatMap((p) => splitDatedUpdates(p.updates).map((u) => ({ ...u, part: p.label })));
  return { parts, history, findings };
}

const updateSheetColumns = ['Audit Title', 'Reference', 'Label', 'Date', 'Author', 'Text'] as const;

/**
 * An Updates sheet's rows, each filed under the register row of its reference (and audit, when the sheet names
 * it) and the cycle its label or date names. A row that matches no item, or several, is said, never guessed.
 */
function updatesFromSheet(
  sheet: readonly (readonly string[])[],
  table: readonly (readonly string[])[],
  columns: ReadonlyMap<TemplateColumn, number>,
): { byRow: Map<number, DatedUpdate[]>; notices: string[] } {
  const byRow = new Map<number, DatedUpdate[]>();
  const notices: string[] = [];
  const [header = [], ...rows] = sheet;
  if (rows.length === 0) return { byRow, notices };
  const at = new Map(updateSheetColumns.map((c) => [c, header.findIndex((h) => fold(cleanCell(h)) === fold(c))]));
  const read = (cells: readonly string[], column: (typeof updateSheetColumns)[number]): string => {
    const index = at.get(column) ?? -1;
    return index === -1 ? '' : cleanCell(cells[index]);
  };
  if ((at.get('Reference') ?? -1) === -1 || (at.get('Text') ?? -1) === -1) {
    return { byRow, notices: ['The Updates sheet needs a Reference and a Text column: it was not read.'] };
  }
  const referenceAt = columns.get('Reference') ?? -1;
  const auditAt = columns.get('Audit Title') ?? -1;
  let audit = '';
  const registerRows = table.slice(1).map((cells, i) => {
    const title = cleanCell(cells[auditAt]);
    if (title && !isDitto(title)) audit = title;
    return { rowIndex: i + 1, reference: normaliseReference(cleanCell(cells[referenceAt]) || '-'), audit: fold(audit) };
  });
  rows.forEach((cells, i) => {
    const text = read(cells, 'Text');
    if (!text) return;
    const reference = normaliseReference(read(cells, 'Reference') || '-');
    const auditTitle = fold(read(cells, 'Audit Title'));
    const matches = registerRows.filter((r) => r.reference === reference && (!auditTitle || r.audit === auditTitle));
    const where = `Updates sheet row ${i + 2}`;
    if (matches.length !== 1) {
      notices.push(
        matches.length === 0
          ? `${where}: no recommendation ${read(cells, 'Reference')} in the register: not imported.`
          : `${where}: ${matches.length} recommendations are ${read(cells, 'Reference')}; add the Audit Title to say which: not imported.`,
      );
      return;
    }
    const label = read(cells, 'Label');
    const dated = parseAuditDate(read(cells, 'Date'));
    const cycle = (label ? splitDatedUpdates(`${label}:`)[0]?.cycle : undefined) ?? (dated ? `${monthNames[dated.month - 1] ?? ''} ${dated.year}` : undefined);
    const rowIndex = matches[0]?.rowIndex ?? 0;
    byRow.set(rowIndex, [...(byRow.get(rowIndex) ?? []), { label: label || undefined, cycle, text, author: read(cells, 'Author') || undefined }]);
  });
  return { byRow, notices };
}

/** Reads the rows (header first) into what would be created, with each row's findings. */
export function planRegisterImport(table: readonly (readonly string[])[], importedOn: string, source: ImportSource = {}): ImportPlan {
  const reading = source.reading ?? {};
  const [header = [], ...body] = table;
  const { columns, missing } = matchHeader(header);
  const historyColumns = header.flatMap((heading, index) => (isUpdateLabel(cleanCell(heading)) ? [{ index, heading: cleanCell(heading) }] : []));
  const { byRow: sheetUpdates, notices: sheetNotices } = updatesFromSheet(source.updateRows ?? [], table, columns);
  const plan: ImportPlan = { audits: new Map(), columns: new Set(columns.keys()), rows: [], fileErrors: [], notices: sheetNotices };
  if (missing.length > 0) {
    plan.fileErrors.push(
      `Missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}. The template's columns are: ${templateColumns.join(', ')}.`,
    );
    return plan;
  }
  const above: Partial<Record<'Audit Title' | 'Audit Date' | 'Assurance', string>> = {};
  body.forEach((cells, index) => {
    const rowNumber = index + 2;
    const cell = (column: TemplateColumn): string => {
      const at = columns.get(column);
      return at === undefined ? '' : cleanCell(cells[at]);
    };
    if (cells.every((c) => !cleanCell(c))) return;
    const findings: Finding[] = (source.rowFindings ?? [])
      .filter((f) => f.rowIndex === index + 1)
      .map((f): Finding => ({ level: 'warning', message: f.message }));
    const inherited = (column: 'Audit Title' | 'Audit Date' | 'Assurance'): string => {
      const value = cell(column);
      if (value && !isDitto(value)) above[column] = value;
      return above[column] ?? '';
    };
    const title = inherited('Audit Title');
    const dateText = inherited('Audit Date');
    const assurance = inherited('Assurance');
    if (!title) findings.push({ level: 'error', column: 'Audit Title', message: 'No audit title, and none above to repeat' });
    const issued = parseAuditDate(dateText);
    if (!issued) findings.push({ level: 'error', column: 'Audit Date', message: dateText ? `'${dateText}' is not a month and year` : 'No audit date' });
    const qualifierMatch = /\s*(\([^)]*\))\s*$/.exec(title);
    const audit: Omit<Audit, 'id'> = {
      title: qualifierMatch ? title.slice(0, qualifierMatch.index) : title,
      qualifier: qualifierMatch?.[1],
      issuedYear: issued?.year ?? 0,
      issuedMonth: issued?.month ?? 1,
      // A file without the Auditor column (or a blank one) names no firm: a new audit gets this until the coordinator does.
      auditor: cell('Auditor') || unnamedAuditor,
      opinion: parseOpinion(assurance),
    };
    if (assurance && !audit.opinion.level)
      findings.push({ level: 'warning', column: 'Assurance', message: `'${assurance}' is not an assurance level we know` });

    const reference = cell('Reference');
    if (!reference) findings.push({ level: 'error', column: 'Reference', message: 'No reference' });
    const recTitle = cell('Recommendation Title');
    if (!recTitle) findings.push({ level: 'error', column: 'Recommendation Title', message: 'No recommendation title' });
    if (recTitle.length > 255) findings.push({ level: 'error', column: 'Recommendation Title', message: 'The title is over 255 characters: shorten it' });
    const priority = parsePriority(cell('Priority'));
    if (!priority) findings.push({ level: 'error', column: 'Priority', message: `'${cell('Priority')}' is not High, Medium or Low` });
    const status = parseStatus(cell('Status'));
    if (!status)
      findings.push({
        level: 'error',
        column: 'Status',
        message: `'${cell('Status')}' is not a status we know: Open, Proposed closed, Implemented, Closed, Not accepted, Not adopted (withdrawn), Risk accepted or Superseded`,
      });
    const imported = importedStatus(status ?? 'open', importSource(source.fileName, rowNumber));
    const { owners, slots: ownerSlots, findings: ownerFindings } = parseOwners(cell('Owner Name'), cell('Owner Email'));
    findings.push(...ownerFindings);

    const original = parseTargetDate(cell('Original Target'), reading);
    findings.push(...targetFindings(original, 'Original Target'));
    // A Current Target of several lines lists the revisions, oldest first; one the same as the original is none.
    const revisions = cell('Current Target')
      .split('\n')
      .map((line) => parseTargetDate(line, reading))
      .filter((target) => target.text && target.text !== original.text)
      .map((target) => {
        findings.push(...targetFindings(target, 'Current Target'));
        return {
          target,
          reason: 'As recorded in the imported register',
          requestedBy: owners[0] ?? { email: 'unknown@invalid.example', name: 'Unknown' },
          approvedBy: 'coordinator' as const,
          approvedOn: importedOn,
        };
      });

    // Columns of history ("Update October 2024", "Update April 2025") first, in their order, then the latest cell.
    const history = [
      ...splitDatedUpdates(
        historyColumns
          .map(({ index: at, heading }) => ({ heading, text: cleanCell(cells[at]) }))
          .filter((h) => h.text)
          .map((h) => `${h.heading}: ${h.text}`)
          .join('\n'),
      ),
      ...splitDatedUpdates(cell('Latest Update')),
      ...(sheetUpdates.get(index + 1) ?? []),
    ];
    const split = partsOf(source.parts?.find((p) => p.rowIndex === index + 1)?.parts ?? [], reading);
    history.push(...split.history);
    findings.push(...split.findings);
    for (const part of history)
      if (part.label && !part.cycle)
        findings.push({ level: 'warning', column: 'Latest Update', message: `'${part.label}' names no year, and no other label gives one: filed as imported` });

    const key = issued && title ? auditKey(audit) : `row-${rowNumber}`;
    if (issued && title && !plan.audits.has(key)) plan.audits.set(key, audit);
    plan.rows.push({
      rowNumber,
      auditKey: key,
      recommendation: {
        reference,
        referenceKey: normaliseReference(reference || '-'),
        title: recTitle,
        priority: priority ?? 'Medium',
        text: cell('Recommendation'),
        managementResponse: cell('Management Response'),
        owners,
        subParts: [],
        targets: { original, revisions },
        status: imported.status,
        statusReason: imported.statusReason,
        // Set when the import takes a step, so what the owner is told ("not accepted") dates from the import.
        statusChangedAt: imported.step ? `${importedOn}T00:00:00.000Z` : undefined,
      },
      imported,
      history,
      ownerSlots,
      parts: split.parts,
      embeddedEvidence: source.embedded?.find((e) => e.rowIndex === index + 1)?.count ?? 0,
      findings,
    });
  });
  const seen = new Map<string, number>();
  for (const row of plan.rows) {
    const id = `${row.auditKey}#${row.recommendation.referenceKey}`;
    const first = seen.get(id);
    if (first !== undefined) row.findings.push({ level: 'error', column: 'Reference', message: `Same audit and reference as row ${first}` });
    else seen.set(id, row.rowNumber);
  }
  return plan;
}

export const hasErrors = (row: ImportedRow): boolean => row.findings.some((f) => f.level === 'error');
