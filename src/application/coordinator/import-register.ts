import {
  newOwners,
  auditKey,
  importSource,
  currentTarget,
  hasErrors,
  organisationToday,
  planRegisterImport,
  saysStatus,
  effectiveStatus,
  isWorkable,
  isRunning,
  templateStatusWords,
  registerStatusWords,
  statusLabel,
  withFormerOwners,
  type Audit,
  type DatedUpdate,
  type Finding,
  type OwnerSlot,
  type SubPart,
  partsProblem,
  type ImportedRow,
  type ImportPlan,
  type Recommendation,
  type ImportOutcome,
  type ImportSource,
  type Person,
  type TemplateColumn,
  unnamedAuditor,
} from '../../domain';
import type { PeopleDirectory, RecommendationStore, RecommendationWrite, Versioned, WriteOutcome } from '../ports';
import { mapLimited } from '../shared/map-limited';
import { requireCoordinator, type Actor } from '../shared/actor';
import { auditTeamProposal, noteOnBehalf } from './review';

export type RowAction = 'create' | 'update' | 'unchanged' | 'skip';

/** One field a row would change, as the coordinator reads it in the preview. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface PreviewRow {
  row: ImportedRow;
  action: RowAction;
  existing?: Versioned<Recommendation>;
  /** For a change: each field's before and after. */
  changes: FieldChange[];
  /**
   * Why this change needs the coordinator's confirmation (it reopens a decided item, or moves a target): such a
   * row is held back unless confirmed.
   */
  needsConfirmation: string[];
  /** People the file names without an email whom the directory knows, one each: owners once the row is confirmed. */
  directoryMatches?: { name: string; person: Person }[];
  /** People the file names who match several in the directory: the coordinator chooses which, or nobody. */
  directoryChoices?: { name: string; candidates: Person[] }[];
}

/** Who the coordinator chose for a name that matched several people, by `choiceKey`: the chosen person's email. */
export type DirectoryChoices = ReadonlyMap<string, string>;
export const choiceKey = (rowNumber: number, name: string): string => `${rowNumber}:${name}`;

export interface ImportPreview {
  plan: ImportPlan;
  rows: PreviewRow[];
  newAudits: Omit<Audit, 'id'>[];
  /** The tracker's audits the file names, by audit key: their fields the file does not carry are kept. */
  existingAudits: Map<string, Audit>;
  counts: Record<RowAction | 'errors' | 'warnings' | 'held', number>;
  /** What the new items' status words make of them: how many go to the panel, were closed before, … */
  outcomes: Record<ImportOutcome, number>;
  /** How the file was read where it was not plain: shown before anything is written. */
  notices: readonly string[];
  /** The file's name, which each trail entry of the import cites with the row. */
  fileName?: string;
}

type Imported = Omit<Recommendation, 'id' | 'auditId'>;

/** The fields a register row carries, each with the columns it needs and how it reads (the status in the template's words). */
const importedFields: {
  field: string;
  columns: readonly TemplateColumn[];
  show: (r: Imported) => string;
}[] = [
  { field: 'Title', columns: ['Recommendation Title'], show: (r) => r.title },
  { field: 'Priority', columns: ['Priority'], show: (r) => r.priority },
  { field: 'Recommendation', columns: ['Recommendation'], show: (r) => r.text },
  { field: 'Management response', columns: ['Management Response'], show: (r) => r.managementResponse },
  { field: 'Owners', columns: ['Owner Email'], show: (r) => r.owners.map((o) => `${o.name} <${o.email}>`).join('; ') },
  { field: 'Current target', columns: ['Current Target'], show: (r) => currentTarget(r.targets).text },
];

/**
 * What importing the row would change in the existing item, field by field, among the columns the file has. The
 * status is compared as the template writes it, from the item's status as the register shows it (`shown`: an
 * owner's pending proposal makes an open item Implemented).
 */
export function importChanges(existing: Imported, row: ImportedRow, columns: ReadonlySet<TemplateColumn>, shown = existing.status): FieldChange[] {
  const changes = importedFields
    .filter((f) => f.columns.every((c) => columns.has(c)))
    .filter((f) => f.show(existing) !== f.show(row.recommendation))
    .map((f) => ({ field: f.field, before: f.show(existing), after: f.show(row.recommendation) }));
  if (columns.has('Status') && !saysStatus(row.imported.word, shown))
    changes.push({ field: 'Status', before: templateStatusWords[shown], after: registerStatusWords[row.imported.word] });
  return changes;
}

/** What a status change takes an existing item past, which the coordinator's confirmation must allow. */
const stepsPast: Partial<Record<ImportOutcome, string>> = {
  toPanel: 'It would put the item to the panel without your review',
  closedBefore: 'It would close the item without the panel',
  withdrawnBefore: 'It would withdraw the item without the panel',
};

function confirmationReasons(existing: Recommendation, row: ImportedRow, changes: readonly FieldChange[]): string[] {
  const reasons: string[] = [];
  const statusChanges = changes.some((c) => c.field === 'Status');
  // Decided by the coordinator or the panel: a register saying otherwise would reopen it.
  if (!isRunning(existing.status) && statusChanges) reasons.push(`It would reopen an item that is ${statusLabel[existing.status].toLowerCase()}`);
  const past = stepsPast[row.imported.outcome];
  if (statusChanges && isWorkable(existing.status) && past) reasons.push(past);
  if (changes.some((c) => c.field === 'Current target')) reasons.push('It would move the target date');
  return reasons;
}

/**
 * Asks the directory for each person the row names without an email. One match is offered for the coordinator to
 * confirm; several are offered for her to choose among; none is flagged. Nobody is made an owner unasked.
 */
async function lookUpOwners(
  row: ImportedRow,
  directory: Pick<PeopleDirectory, 'findByName'> | undefined,
  asked: Map<string, Promise<Person[]>>,
): Promise<Pick<PreviewRow, 'needsConfirmation' | 'directoryMatches' | 'directoryChoices'>> {
  const names = [...new Set([...row.ownerSlots, ...row.parts.flatMap((p) => p.ownerSlots)].flatMap((slot) => (slot.person ? [] : [slot.name])))];
  if (!directory || names.length === 0) return { needsConfirmation: [] };
  const needsConfirmation: string[] = [];
  const directoryMatches: { name: string; person: Person }[] = [];
  const directoryChoices: { name: string; candidates: Person[] }[] = [];
  for (const name of names) {
    if (!asked.has(name)) asked.set(name, directory.findByName(name));
    const found = await (asked.get(name) ?? Promise.resolve([]));
    const [only] = found;
    if (found.length === 1 && only) {
      directoryMatches.push({ name, person: only });
      needsConfirmation.push(`'${name}' is ${only.name} <${only.email}> in the directory: confirm to make them an owner`);
    } else if (found.length > 1) {
      directoryChoices.push({ name, candidates: found });
      row.findings.push({
        level: 'warning',
        column: 'Owner Name',
        message: `'${name}' matches ${found.length} people in the directory (${found.map((p) => `${p.name} <${p.email}>`).join('; ')}): choose who they are, or assign the owner on the item later`,
      });
    } else {
      row.findings.push({ level: 'warning', column: 'Owner Name', message: `'${name}' is not in the directory: assign an owner on the item` });
    }
  }
  return { needsConfirmation, directoryMatches, directoryChoices };
}

/** What the coordinator said of the directory's findings: the rows she confirmed, and whom she chose where several matched. */
export interface OwnerAnswers {
  confirmed: ReadonlySet<number>;
  chosen?: DirectoryChoices;
}

/** The person a name without an email stands for, once the coordinator has confirmed the match or chosen one. */
function answered(name: string, r: PreviewRow, answers: OwnerAnswers): Person | undefined {
  if (answers.confirmed.has(r.row.rowNumber)) {
    const match = r.directoryMatches?.find((m) => m.name === name);
    if (match) return match.person;
  }
  const email = answers.chosen?.get(choiceKey(r.row.rowNumber, name));
  return r.directoryChoices?.find((c) => c.name === name)?.candidates.find((p) => p.email === email);
}

/** People in the cell's order: those with emails, and those the coordinator confirmed or chose. */
function peopleOf(slots: readonly OwnerSlot[], r: PreviewRow, answers: OwnerAnswers): Person[] {
  return slots
    .flatMap((slot) => {
      const person = slot.person ?? answered(slot.name, r, answers);
      return person ? [person] : [];
    })
    .filter((p, i, all) => all.findIndex((q) => q.email === p.email) === i);
}

/** A new item's owners: at most three. */
const ownersOf = (r: PreviewRow, answers: OwnerAnswers): Person[] => peopleOf(r.row.ownerSlots, r, answers).slice(0, 3);

/** Outcomes that leave no part to do: the register says the whole item went forward, or was closed. */
const partsDoneBy = new Set<ImportOutcome>(['toPanel', 'closedBefore']);

/** Each part's owners: its own people or, where the paper names nobody the tracker knows, the item's owners. */
const partOwners = (r: PreviewRow, answers: OwnerAnswers, owners: readonly Person[]): { label: string; owners: Person[] }[] =>
  r.row.parts.map((p) => {
    const own = peopleOf(p.ownerSlots, r, answers);
    return { label: p.label, owners: own.length > 0 ? own : [...owners] };
  });

/** Whether parts can be stored with these owners: every part has one, and the part-owner columns hold them. */
const makeable = (owned: readonly { label: string; owners: Person[] }[]): boolean => owned.every((p) => p.owners.length > 0) && !partsProblem(owned);

/** A new item's parts; none when a part would still have no owner (a part must have one): the row says so at preview. */
function partsOf(r: PreviewRow, answers: OwnerAnswers, owners: readonly Person[], today: string): SubPart[] {
  const owned = partOwners(r, answers, owners);
  if (!makeable(owned)) return [];
  const done = partsDoneBy.has(r.row.imported.outcome);
  return r.row.parts.map((p, i) => ({
    label: p.label,
    text: p.text,
    owners: owned[i]?.owners ?? [],
    target: p.target,
    status: done ? ('done' as const) : ('open' as const),
    ...(done ? { doneOn: today } : {}),
  }));
}

/** Why the row's parts cannot be made as the file stands, even with every directory match confirmed; undefined when they can. */
function partsFinding(r: PreviewRow): Finding | undefined {
  if (r.row.parts.length === 0) return undefined;
  const chosen = new Map((r.directoryChoices ?? []).map((c) => [choiceKey(r.row.rowNumber, c.name), c.candidates[0]?.email ?? '']));
  const all: OwnerAnswers = { confirmed: new Set([r.row.rowNumber]), chosen };
  if (makeable(partOwners(r, all, ownersOf(r, all)))) return undefined;
  return {
    level: 'warning',
    column: 'Owner Name',
    message: `Parts ${r.row.parts.map((p) => p.label).join(', ')} need owners the tracker knows: the item is made without them, its text keeping every part; add the parts on the item once its owners are assigned`,
  };
}

const recKey = (auditId: string, referenceKey: string): string => `${auditId}|${referenceKey}`;

/** Reads the file's rows against the tracker: per row, what would be created or changed, and its findings. */
export async function previewImport(
  store: RecommendationStore,
  table: readonly (readonly string[])[],
  today: string,
  source: ImportSource & { notices?: readonly string[]; directory?: Pick<PeopleDirectory, 'findByName'> } = {},
): Promise<ImportPreview> {
  const plan = planRegisterImport(table, today, source);
  const notices = [...(source.notices ?? []), ...plan.notices];
  const register = await store.loadRegister();
  const existingAudits = new Map(register.audits.map((a) => [auditKey(a.value), a.value]));
  const recommendations = new Map(register.recommendations.map((r) => [recKey(r.value.auditId, r.value.referenceKey), r]));
  const lookups = new Map<string, Promise<Person[]>>();
  const rows = await mapLimited(plan.rows, writesInFlight, async (row): Promise<PreviewRow> => {
    const none = { changes: [], needsConfirmation: [] };
    if (hasErrors(row)) return { row, action: 'skip', ...none };
    const auditId = existingAudits.get(row.auditKey)?.id;
    const existing = auditId ? recommendations.get(recKey(auditId, row.recommendation.referenceKey)) : undefined;
    if (!existing) {
      const created: PreviewRow = { row, action: 'create', ...none, ...(await lookUpOwners(row, source.directory, lookups)) };
      const unmade = partsFinding(created);
      if (unmade) row.findings.push(unmade);
      return created;
    }
    let changes = importChanges(existing.value, row, plan.columns);
    // Whether someone has proposed it closed is in its updates: read only for the few whose status the file changes.
    if (changes.some((c) => c.field === 'Status') && isWorkable(existing.value.status))
      changes = importChanges(existing.value, row, plan.columns, effectiveStatus(existing.value, await store.updatesFor(existing.value.id)));
    // The original target is history: a file that says otherwise is the coordinator's to look into, never a rewrite.
    const fileOriginal = row.recommendation.targets.original.text;
    if (plan.columns.has('Original Target') && fileOriginal && fileOriginal !== existing.value.targets.original.text) {
      row.findings.push({
        level: 'warning',
        column: 'Original Target',
        message: `The file's original target '${fileOriginal}' differs from the tracker's '${existing.value.targets.original.text || 'none'}': the tracker keeps its own. If the file is right, correct the original on the item, with the reason.`,
      });
    }
    if (changes.length === 0) return { row, existing, action: 'unchanged', ...none };
    return { row, existing, action: 'update', changes, needsConfirmation: confirmationReasons(existing.value, row, changes) };
  });
  const count = (action: RowAction): number => rows.filter((r) => r.action === action).length;
  const newAudits = [...plan.audits.entries()]
    .filter(([key]) => !existingAudits.has(key) && rows.some((r) => r.row.auditKey === key && r.action !== 'skip'))
    .map(([, audit]) => audit);
  return {
    plan,
    rows,
    newAudits,
    existingAudits,
    notices,
    fileName: source.fileName,
    outcomes: Object.fromEntries(outcomeOrder.map((o) => [o, rows.filter((r) => r.action === 'create' && r.row.imported.outcome === o).length])) as Record<
      ImportOutcome,
      number
    >,
    counts: {
      create: count('create'),
      update: count('update'),
      unchanged: count('unchanged'),
      skip: count('skip'),
      held: rows.filter((r) => r.needsConfirmation.length > 0).length,
      errors: plan.rows.filter(hasErrors).length,
      warnings: plan.rows.filter((r) => !hasErrors(r) && r.findings.length > 0).length,
    },
  };
}

const outcomeOrder: readonly ImportOutcome[] = ['toPanel', 'forReview', 'closedBefore', 'notAccepted', 'withdrawnBefore', 'open'];
export const outcomeWords: Record<ImportOutcome, string> = {
  toPanel: 'will be put to the panel',
  forReview: 'proposed closed for your review',
  closedBefore: 'closed before the import',
  notAccepted: 'open again, their closure not accepted',
  withdrawnBefore: 'withdrawn before the import',
  open: 'open',
};

/** What the new items will be, as the dry run says it: "28 will be put to the panel, 3 closed before the import…". */
export const outcomeSentence = (preview: Pick<ImportPreview, 'outcomes'>): string =>
  outcomeOrder
    .filter((o) => preview.outcomes[o] > 0)
    .map((o) => `${preview.outcomes[o]} ${outcomeWords[o]}`)
    .join(', ');

/** The rows an import writes: new and changed ones, except changes needing a confirmation they did not get. */
export const rowsToWrite = (preview: ImportPreview, confirmed: ReadonlySet<number>): PreviewRow[] =>
  preview.rows.filter((r) => r.action === 'create' || (r.action === 'update' && (r.needsConfirmation.length === 0 || confirmed.has(r.row.rowNumber))));

/** The existing item with what the row carries: fields the file lacks stay; a moved target is a new revision. */
function mergedItem(existing: Recommendation, row: ImportedRow, changes: readonly FieldChange[], auditId: string, now: Date): Recommendation {
  const changed = (field: string): boolean => changes.some((c) => c.field === field);
  const imported = row.recommendation;
  const current = currentTarget(imported.targets);
  return {
    ...existing,
    auditId,
    title: imported.title,
    priority: imported.priority,
    text: changed('Recommendation') ? imported.text : existing.text,
    managementResponse: changed('Management response') ? imported.managementResponse : existing.managementResponse,
    owners: changed('Owners') ? imported.owners : existing.owners,
    targets: {
      original: existing.targets.original,
      // The tracker's revisions are kept; the register's new current target is added to them.
      revisions: changed('Current target')
        ? [
            ...existing.targets.revisions,
            {
              target: current,
              reason: `As recorded in the imported register (row ${row.rowNumber})`,
              requestedBy: imported.owners[0] ?? existing.owners[0] ?? { email: 'unknown@invalid.example', name: 'Unknown' },
              approvedBy: 'coordinator',
              approvedOn: organisationToday(now),
            },
          ]
        : existing.targets.revisions,
    },
    // "Implemented" leaves the status be: the audit team's proposal, made after the write, puts it forward.
    ...(changed('Status') && row.imported.word !== 'implemented'
      ? { status: imported.status, statusChangedAt: now.toISOString(), statusReason: `Set by the imported register (row ${row.rowNumber})` }
      : {}),
  };
}

/** An existing audit with what the file carries: its opinion and its auditor when the file names them; the rest is kept. */
function mergedAudit(existing: Audit, fromFile: Omit<Audit, 'id'>, columns: ReadonlySet<TemplateColumn>): Omit<Audit, 'id'> {
  const { id: _id, ...kept } = existing;
  return {
    ...kept,
    ...(columns.has('Assurance') && fromFile.opinion.asWritten ? { opinion: fromFile.opinion } : {}),
    ...(columns.has('Auditor') && fromFile.auditor !== unnamedAuditor ? { auditor: fromFile.auditor } : {}),
  };
}

/** Whether two audits hold the same fields: writing one over the other would change nothing. */
const sameAudit = (a: Omit<Audit, 'id'>, b: Omit<Audit, 'id'>): boolean =>
  JSON.stringify([a.title, a.qualifier ?? '', a.issuedYear, a.issuedMonth, a.auditor, a.opinion.asWritten, a.opinion.level ?? '']) ===
  JSON.stringify([b.title, b.qualifier ?? '', b.issuedYear, b.issuedMonth, b.auditor, b.opinion.asWritten, b.opinion.level ?? '']);

export interface ImportResult {
  written: number;
  conflicts: { rowNumber: number; message: string }[];
  failed: { rowNumber: number; message: string }[];
  notes: number;
  /** The people the written rows make owners (new items' owners, and owners added to existing ones). */
  assigned: Person[];
}

/** A stable key for one imported update, so importing the same file again adds no second note. */
function noteKey(row: ImportedRow, part: DatedUpdate): string {
  let hash = 0;
  // A part's update is its own, though its words may be its sibling's ("see the collective response above").
  for (const ch of `${row.auditKey}#${row.recommendation.referenceKey}#${part.part ? `${part.part}#` : ''}${part.cycle ?? ''}#${part.text}`)
    hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  return `import-${(hash >>> 0).toString(36)}-${row.recommendation.referenceKey}`;
}

/** The cycle an imported note is filed under when its label names none (or it has no label). */
const importedCycle = 'Imported';

/** Keyed writes that may overlap: enough to hide latency, few enough not to provoke throttling. */
const writesInFlight = 6;

/**
 * Writes what the preview found: audits first, then recommendations in $batch with progress, then each row's
 * latest update as a note. Safe to run again after an interruption: everything is keyed.
 */
export async function applyImport(
  store: RecommendationStore,
  preview: ImportPreview,
  actor: Actor,
  now: Date,
  onProgress: (done: number, total: number) => void = () => {},
  confirmed: ReadonlySet<number> = new Set(),
  chosen: DirectoryChoices = new Map(),
): Promise<ImportResult> {
  const answers: OwnerAnswers = { confirmed, chosen };
  requireCoordinator(actor, 'imports registers');
  const audits = [...preview.plan.audits].filter(([key]) => preview.rows.some((r) => r.row.auditKey === key && r.action !== 'skip'));
  // New audits are created in $batch requests; an existing one the file does not change costs nothing, and the
  // changed ones (each with its own unique key) are upserted side by side.
  const fresh = audits.filter(([key]) => !preview.existingAudits.has(key));
  const newAudits = await store.createAudits(fresh.map(([, audit]) => audit));
  const auditIds = new Map([
    ...fresh.map(([key], i): [string, string] => [key, newAudits[i]?.value.id ?? '']),
    ...(await mapLimited(
      audits.filter(([key]) => preview.existingAudits.has(key)),
      writesInFlight,
      async ([key, audit]): Promise<[string, string]> => {
        const existing = preview.existingAudits.get(key);
        if (!existing) return [key, ''];
        const merged = mergedAudit(existing, audit, preview.plan.columns);
        const { id, ...kept } = existing;
        return [key, sameAudit(merged, kept) ? id : (await store.upsertAudit(merged)).value.id];
      },
    )),
  ]);
  const todo = rowsToWrite(preview, confirmed);
  const writes = todo.map((r): RecommendationWrite => {
    const auditId = auditIds.get(r.row.auditKey) ?? '';
    if (r.action === 'create' || !r.existing) {
      const owners = ownersOf(r, answers);
      return { kind: 'create', value: { ...r.row.recommendation, owners, subParts: partsOf(r, answers, owners, organisationToday(now)), auditId } };
    }
    return {
      kind: 'update',
      current: r.existing,
      value: withFormerOwners(r.existing.value, mergedItem(r.existing.value, r.row, r.changes, auditId, now), now),
    };
  });
  // Each change an import makes is in the item's trail, field by field, before the change: a run that stops
  // between the two leaves a record whose change the next run makes, under the same key (its eTag), never a
  // change without its record.
  await mapLimited(
    todo.filter((r) => r.action === 'update' && r.existing),
    writesInFlight,
    (r) =>
      store.recordDecision({
        recommendationId: r.existing?.value.id ?? '',
        kind: 'imported',
        actor: actor.email,
        at: now.toISOString(),
        detail: `Row ${r.row.rowNumber}: ${r.changes.map((c) => `${c.field} ${c.before || 'none'} → ${c.after || 'none'}`).join('; ')}`,
        idempotencyKey: `${r.existing?.value.id ?? ''}:${r.existing?.etag ?? ''}:imported`,
      }),
  );
  const outcomes: WriteOutcome[] = await store.writeRecommendations(writes, onProgress);
  const result: ImportResult = { written: 0, conflicts: [], failed: [], notes: 0, assigned: [] };
  outcomes.forEach((outcome, i) => {
    const rowNumber = todo[i]?.row.rowNumber ?? 0;
    const write = writes[i];
    if (outcome.outcome === 'written' && write) {
      result.written++;
      result.assigned.push(...newOwners(write.kind === 'update' ? write.current.value : undefined, write.value));
    } else if (outcome.outcome === 'conflict') result.conflicts.push({ rowNumber, message: outcome.message ?? '' });
    else result.failed.push({ rowNumber, message: outcome.message ?? '' });
  });
  const writtenIds = new Map(todo.map((r, i) => [r, outcomes[i]?.outcome === 'written' ? outcomes[i]?.id : undefined]));
  // Each dated update of a row is one note in the cycle its label names, keyed by its text: one not yet recorded
  // is written, whether its row is new, changed, or unchanged since a run that stopped before its notes.
  const parts = preview.rows.flatMap((r) => r.row.history.filter((part) => part.text).map((part) => ({ r, part, cycle: part.cycle ?? importedCycle })));
  const cycles = [...new Set(parts.map((p) => p.cycle))];
  const recorded = new Set((await Promise.all(cycles.map((cycle) => store.noteKeys(cycle)))).flatMap((keys) => [...keys]));
  const notes = parts.flatMap(({ r, part, cycle }) => {
    const id = r.action === 'unchanged' || (r.action === 'update' && !writtenIds.has(r)) ? r.existing?.value.id : writtenIds.get(r);
    const key = noteKey(r.row, part);
    const text = `${part.part ? `Part ${part.part}: ` : ''}${part.label && !part.cycle ? `${part.label}: ` : ''}${part.text}${part.author ? ` (by ${part.author})` : ''}`;
    return id && !recorded.has(key) ? [{ id, row: r.row, text, cycle, key }] : [];
  });
  await store.addUpdates(
    notes.map(({ id, row, text, cycle, key }) =>
      noteOnBehalf({ id, owners: row.recommendation.owners }, `From the imported register: ${text}`, cycle, actor, key, now),
    ),
  );
  // A new item whose register status took a step (to the panel, closed or withdrawn before) has it in its trail.
  const created = todo.filter((r) => r.action === 'create' && writtenIds.get(r));
  await mapLimited(
    created.filter((r) => r.row.imported.step),
    writesInFlight,
    (r) =>
      store.recordDecision({
        recommendationId: writtenIds.get(r) ?? '',
        kind: r.row.imported.step?.kind ?? 'imported',
        actor: actor.email,
        at: now.toISOString(),
        detail: r.row.imported.step?.detail ?? '',
        idempotencyKey: `${writtenIds.get(r) ?? ''}:imported-to-panel`,
      }),
  );
  // "Implemented": the audit team's update proposes it closed on the register's word, for the coordinator's review
  // (an existing item too, when the file says so and nobody has yet); a closure put to the panel with documents
  // embedded in the paper it came from lists them as its evidence.
  const proposedNow = todo.filter(
    (r) => r.action === 'update' && writtenIds.get(r) && r.row.imported.word === 'implemented' && r.changes.some((c) => c.field === 'Status'),
  );
  await store.addUpdates(
    [...created, ...proposedNow].flatMap((r) => {
      const id = writtenIds.get(r) ?? '';
      const where = importSource(preview.fileName, r.row.rowNumber);
      const embedded = r.row.embeddedEvidence;
      const narrative = r.row.imported.proposes ?? (r.row.imported.outcome === 'toPanel' && embedded > 0 ? r.row.imported.statusReason : undefined);
      if (!narrative) return [];
      const evidence = embedded > 0 ? `${embedded} document(s) embedded in the previous paper (${where})` : `The imported register (${where})`;
      return [
        auditTeamProposal(
          { id, owners: r.existing?.value.owners ?? r.row.recommendation.owners },
          {
            cycle: r.row.history.at(-1)?.cycle ?? importedCycle,
            narrative,
            evidence: [{ kind: 'heldElsewhere', name: evidence }],
            idempotencyKey: `${id}:imported-implemented`,
          },
          actor,
          now,
        ),
      ];
    }),
  );
  result.notes = notes.length;
  return result;
}

/** The preview as lines of text, for the command line's report. */
export function previewReport(preview: ImportPreview): string[] {
  const lines = [
    ...preview.notices.map((notice) => `note: ${notice}`),
    ...(preview.counts.create > 0 ? [`Of the new items: ${outcomeSentence(preview)}.`] : []),
    `${preview.counts.create} to create, ${preview.counts.update} to change (${preview.counts.held} held for confirmation), ${preview.counts.unchanged} unchanged, ${preview.counts.skip} not imported (errors); ${preview.newAudits.length} new audit(s).`,
  ];
  for (const { row, action, changes, needsConfirmation, directoryChoices } of preview.rows) {
    for (const c of changes) lines.push(`row ${row.rowNumber} change [${c.field}]: ${c.before || 'none'} → ${c.after || 'none'}`);
    for (const reason of needsConfirmation) lines.push(`row ${row.rowNumber} held: ${reason}; confirm it to apply`);
    for (const { name, candidates } of directoryChoices ?? [])
      lines.push(
        `row ${row.rowNumber} choose: '${name}' is one of ${candidates.map((p) => p.email).join(', ')}; say which with --choose "${row.rowNumber}:${name}=<email>"`,
      );
    for (const f of row.findings)
      lines.push(
        `row ${row.rowNumber} ${f.level}${f.column ? ` [${f.column}]` : ''}: ${f.message}${action === 'skip' && f.level === 'error' ? ' (row not imported)' : ''}`,
      );
  }
  return lines;
}
