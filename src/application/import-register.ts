import {
  auditKey,
  currentTarget,
  hasErrors,
  planRegisterImport,
  type Audit,
  type ImportedRow,
  type ImportPlan,
  type Recommendation,
} from '../domain';
import type { RecommendationStore, RecommendationWrite, Versioned, WriteOutcome } from './ports';
import { mapLimited } from './map-limited';
import { noteOnBehalf, type Actor } from './review';

export type RowAction = 'create' | 'update' | 'unchanged' | 'skip';

export interface PreviewRow {
  row: ImportedRow;
  action: RowAction;
  existing?: Versioned<Recommendation>;
}

export interface ImportPreview {
  plan: ImportPlan;
  rows: PreviewRow[];
  newAudits: Omit<Audit, 'id'>[];
  counts: Record<RowAction | 'errors' | 'warnings', number>;
}

/** The four statuses a register can say; the tracker's finer states compare equal to the one they export as. */
const templateStatus = (status: Recommendation['status']): string =>
  ({ open: 'open', returnedToOwner: 'open', proposedClosed: 'proposed', acceptedForPanel: 'proposed', closed: 'closed', notAdopted: 'gone', riskAccepted: 'gone', superseded: 'gone' })[status];

/** What a register row says about a recommendation: if this is equal, importing the row changes nothing. */
function projection(r: Omit<Recommendation, 'id' | 'auditId'>): string {
  return JSON.stringify([
    r.reference, r.title, r.priority, r.text, r.managementResponse,
    r.owners.map((o) => `${o.name}<${o.email}>`),
    r.targets.original.text, currentTarget(r.targets).text, templateStatus(r.status),
  ]);
}

const recKey = (auditId: string, referenceKey: string): string => `${auditId}|${referenceKey}`;

/** Reads the file's rows against the tracker: per row, what would be created or changed, and its findings. */
export async function previewImport(store: RecommendationStore, table: readonly (readonly string[])[], today: string): Promise<ImportPreview> {
  const plan = planRegisterImport(table, today);
  const register = await store.loadRegister();
  const audits = new Map(register.audits.map((a) => [auditKey(a.value), a.value.id]));
  const recommendations = new Map(register.recommendations.map((r) => [recKey(r.value.auditId, r.value.referenceKey), r]));
  const rows = plan.rows.map((row): PreviewRow => {
    if (hasErrors(row)) return { row, action: 'skip' };
    const auditId = audits.get(row.auditKey);
    const existing = auditId ? recommendations.get(recKey(auditId, row.recommendation.referenceKey)) : undefined;
    if (!existing) return { row, action: 'create' };
    return { row, existing, action: projection(existing.value) === projection(row.recommendation) ? 'unchanged' : 'update' };
  });
  const count = (action: RowAction): number => rows.filter((r) => r.action === action).length;
  const newAudits = [...plan.audits.entries()].filter(([key]) => !audits.has(key) && rows.some((r) => r.row.auditKey === key && r.action !== 'skip')).map(([, audit]) => audit);
  return {
    plan,
    rows,
    newAudits,
    counts: {
      create: count('create'),
      update: count('update'),
      unchanged: count('unchanged'),
      skip: count('skip'),
      errors: plan.rows.filter(hasErrors).length,
      warnings: plan.rows.filter((r) => !hasErrors(r) && r.findings.length > 0).length,
    },
  };
}

export interface ImportResult {
  written: number;
  conflicts: { rowNumber: number; message: string }[];
  failed: { rowNumber: number; message: string }[];
  notes: number;
}

/** A stable key for an imported "latest update", so importing the same file again adds no second note. */
function noteKey(row: ImportedRow): string {
  let hash = 0;
  for (const ch of `${row.auditKey}#${row.recommendation.referenceKey}#${row.latestUpdate ?? ''}`) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  return `import-${(hash >>> 0).toString(36)}-${row.recommendation.referenceKey}`;
}

/** The cycle imported notes are filed under, apart from the quarterly cycles. */
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
): Promise<ImportResult> {
  const audits = [...preview.plan.audits].filter(([key]) => preview.rows.some((r) => r.row.auditKey === key && r.action !== 'skip'));
  // Audits are independent of each other (each has its own unique key), so their upserts overlap.
  const saved = await mapLimited(audits, writesInFlight, ([, audit]) => store.upsertAudit(audit));
  const auditIds = new Map(audits.map(([key], i) => [key, saved[i]?.value.id ?? '']));
  const todo = preview.rows.filter((r) => r.action === 'create' || r.action === 'update');
  const writes = todo.map((r): RecommendationWrite => {
    const auditId = auditIds.get(r.row.auditKey) ?? '';
    if (r.action === 'create' || !r.existing) return { kind: 'create', value: { ...r.row.recommendation, auditId } };
    const existing = r.existing.value;
    const sameTarget = currentTarget(existing.targets).text === currentTarget(r.row.recommendation.targets).text && existing.targets.original.text === r.row.recommendation.targets.original.text;
    const keepStatus = templateStatus(existing.status) === templateStatus(r.row.recommendation.status);
    return {
      kind: 'update',
      current: r.existing,
      value: {
        ...existing,
        ...r.row.recommendation,
        id: existing.id,
        auditId,
        // Keep the tracker's own history where the register says the same thing in fewer words.
        targets: sameTarget ? existing.targets : r.row.recommendation.targets,
        status: keepStatus ? existing.status : r.row.recommendation.status,
        subParts: existing.subParts,
        repeatOf: existing.repeatOf,
      },
    };
  });
  const outcomes: WriteOutcome[] = await store.writeRecommendations(writes, onProgress);
  const result: ImportResult = { written: 0, conflicts: [], failed: [], notes: 0 };
  outcomes.forEach((outcome, i) => {
    const rowNumber = todo[i]?.row.rowNumber ?? 0;
    if (outcome.outcome === 'written') result.written++;
    else if (outcome.outcome === 'conflict') result.conflicts.push({ rowNumber, message: outcome.message ?? '' });
    else result.failed.push({ rowNumber, message: outcome.message ?? '' });
  });
  const writtenIds = new Map(todo.map((r, i) => [r, outcomes[i]?.outcome === 'written' ? outcomes[i]?.id : undefined]));
  // Every row's latest update is one note, keyed by its text: one not yet recorded is written, whether its row
  // is new, changed, or unchanged since a run that stopped before its notes or since the text changed.
  const recorded = await store.updateKeys(importedCycle);
  const notes = preview.rows.flatMap((r) => {
    const id = r.action === 'unchanged' ? r.existing?.value.id : writtenIds.get(r);
    return id && r.row.latestUpdate && !recorded.has(noteKey(r.row)) ? [{ id, row: r.row, text: r.row.latestUpdate }] : [];
  });
  await store.addUpdates(notes.map(({ id, row, text }) => noteOnBehalf({ id, owners: row.recommendation.owners }, `From the imported register: ${text}`, importedCycle, actor, noteKey(row), now)));
  result.notes = notes.length;
  return result;
}

/** The preview as lines of text, for the command line's report. */
export function previewReport(preview: ImportPreview): string[] {
  const lines = [
    `${preview.counts.create} to create, ${preview.counts.update} to change, ${preview.counts.unchanged} unchanged, ${preview.counts.skip} not imported (errors); ${preview.newAudits.length} new audit(s).`,
  ];
  for (const { row, action } of preview.rows) {
    for (const f of row.findings) lines.push(`row ${row.rowNumber} ${f.level}${f.column ? ` [${f.column}]` : ''}: ${f.message}${action === 'skip' && f.level === 'error' ? ' (row not imported)' : ''}`);
  }
  return lines;
}
