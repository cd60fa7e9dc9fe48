import { loadPaperData } from '../shared/paper-data';
import {
  auditHeading,
  compareReferences,
  isRunning,
  nextMeeting,
  notInDirectory,
  priorityRank,
  requestDecided,
  type Meeting,
  type OwnerUpdate,
  updatesByRecommendation,
  type Person,
  type Priority,
  type ProgressRag,
  type Recommendation,
  type Status,
  partProgress,
  priorities,
  repeatDescription,
  revisionBucket,
  revisionBuckets,
  statuses,
  type RevisionBucket,
} from '../../domain';
import { z } from 'zod';
import { itemProgress, type ItemProgress } from '../owner/my-recommendations';
import type { PaperData, RecommendationStore } from '../ports';

export interface RegisterRow extends ItemProgress {
  recommendation: Recommendation;
  auditTitle: string;
  owners: string;
  /** "Repeat of 4.2, Fleet Management, September 2018", for a repeat or revisit recommendation. */
  repeatOf?: string;
  /** "1 of 2 parts done", for an item in parts. */
  parts?: string;
  /** Lower-case text searched by the register's search box. */
  haystack: string;
}

export interface RegisterView {
  rows: RegisterRow[];
  meeting: Meeting | undefined;
  data: PaperData;
}

export interface RegisterFilter {
  search: string;
  auditId: string;
  priority: Priority | '';
  status: Status | '';
  owner: string;
  rag: ProgressRag | '';
  overdueOnly: boolean;
  noUpdateOnly: boolean;
  /** Running items only: not closed or withdrawn. */
  openOnly: boolean;
  revisions: RevisionBucket | '';
}

export const emptyFilter: RegisterFilter = {
  search: '',
  auditId: '',
  priority: '',
  status: '',
  owner: '',
  rag: '',
  overdueOnly: false,
  noUpdateOnly: false,
  openOnly: false,
  revisions: '',
};

const filterQuerySchema = z.object({
  search: z.string().catch(''),
  auditId: z.string().catch(''),
  priority: z.enum(priorities).or(z.literal('')).catch(''),
  status: z.enum(statuses).or(z.literal('')).catch(''),
  owner: z.string().catch(''),
  rag: z.enum(['RED', 'AMBER', 'GREEN', 'GREY']).or(z.literal('')).catch(''),
  overdueOnly: z.stringbool().catch(false),
  noUpdateOnly: z.stringbool().catch(false),
  openOnly: z.stringbool().catch(false),
  revisions: z.enum(revisionBuckets).or(z.literal('')).catch(''),
}) satisfies z.ZodType<RegisterFilter, unknown>;

/** A filter from an address's query ("priority=High&openOnly=true"), so a dashboard figure opens the register filtered; what is not a filter is ignored. */
export const filterFromQuery = (query: string): RegisterFilter =>
  filterQuerySchema.parse({ ...emptyFilter, ...Object.fromEntries(new URLSearchParams(query)) });

/** The query that names a filter: only what differs from the empty one. */
export const filterQuery = (filter: Partial<RegisterFilter>): string =>
  new URLSearchParams(
    Object.entries(filter).flatMap(([key, value]) => (value === '' || value === false || value === undefined ? [] : [[key, String(value)]])),
  ).toString();

export function buildRegister(data: PaperData, today: string): RegisterView {
  const meeting = nextMeeting(data.meetings, today);
  const audits = new Map(data.audits.map((a) => [a.id, a]));
  const updates = updatesByRecommendation(data.updates);
  const byId = new Map(data.recommendations.map((r) => [r.id, r]));
  const rows = data.recommendations.map((recommendation): RegisterRow => {
    const audit = audits.get(recommendation.auditId);
    const auditTitle = audit ? auditHeading(audit) : '(unknown audit)';
    const owners = recommendation.owners.map((o) => o.name).join(', ');
    const repeatOf = repeatDescription(recommendation, byId, audits);
    return {
      recommendation,
      auditTitle,
      owners,
      repeatOf,
      parts: partProgress(recommendation)?.label,
      haystack: `${auditTitle} ${recommendation.reference} ${recommendation.title} ${owners} ${recommendation.text} ${repeatOf ?? ''}`.toLowerCase(),
      ...itemProgress(recommendation, updates.get(recommendation.id) ?? [], meeting?.cycle, today),
    };
  });
  return { rows, meeting, data };
}

/** The rows a filter keeps; every criterion must hold. */
export function filterRegister(rows: readonly RegisterRow[], filter: RegisterFilter): RegisterRow[] {
  const words = filter.search.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter(
    (row) =>
      words.every((w) => row.haystack.includes(w)) &&
      (!filter.auditId || row.recommendation.auditId === filter.auditId) &&
      (!filter.priority || row.recommendation.priority === filter.priority) &&
      (!filter.status || row.status === filter.status) &&
      (!filter.owner || row.recommendation.owners.some((o) => o.email === filter.owner)) &&
      (!filter.rag || row.rag === filter.rag) &&
      (!filter.overdueOnly || row.rag === 'RED') &&
      (!filter.noUpdateOnly || row.updateDue) &&
      (!filter.openOnly || isRunning(row.status)) &&
      (!filter.revisions || revisionBucket(row.recommendation.targets.revisions.length) === filter.revisions),
  );
}

export type RegisterSort = 'audit' | 'priority' | 'target' | 'status' | 'owner';

const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byAuditThenReference = (a: RegisterRow, b: RegisterRow): number =>
  text(a.auditTitle, b.auditTitle) || compareReferences(a.recommendation.reference, b.recommendation.reference);
const orders: Record<RegisterSort, (a: RegisterRow, b: RegisterRow) => number> = {
  audit: byAuditThenReference,
  priority: (a, b) => priorityRank(a.recommendation.priority) - priorityRank(b.recommendation.priority),
  // Items with no date to read go last.
  target: (a, b) => text(a.current.due ?? '9999', b.current.due ?? '9999'),
  status: (a, b) => text(a.status, b.status),
  owner: (a, b) => text(a.owners, b.owners),
};

/** The rows in the chosen order; ties keep the audit and reference order (4.2 before 4.10, and 4.1 before 12). */
export function sortRegister(rows: readonly RegisterRow[], by: RegisterSort): RegisterRow[] {
  return [...rows].sort((a, b) => orders[by](a, b) || byAuditThenReference(a, b));
}

export async function loadRegisterView(store: RecommendationStore, today: string): Promise<RegisterView> {
  return buildRegister(await loadPaperData(store, today), today);
}

/** What the coordinator must look at: proposals to review, target requests, and updates that do not count (owners yet to update: `missingUpdates`). */
export function reviewQueue(view: RegisterView) {
  const cycle = view.meeting?.cycle;
  const refused = new Set(view.data.refusedRequests);
  // Each item's updates, oldest first, gathered once: the dashboard asks for this queue on every open.
  const byItem = updatesByRecommendation([...view.data.updates].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt)));
  const updatesOf = (id: string): OwnerUpdate[] => byItem.get(id) ?? [];
  return {
    proposals: view.rows.filter((r) => r.status === 'proposedClosed'),
    targetRequests: view.rows.flatMap((row) => {
      const request = updatesOf(row.recommendation.id)
        .filter((u) => u.cycle === cycle && u.targetRequest)
        .at(-1);
      return request && !requestDecided(row.recommendation.targets, request, refused) ? [{ row, request }] : [];
    }),
    /** Written to the updates list by someone who does not own the item, or a flood: counted nowhere. */
    suspect: view.data.suspect,
  };
}

/**
 * Running items whose owner or delegate is no longer in the organisation's directory (a leaver): flagged for
 * the coordinator to reassign, since nobody will answer their reminders.
 */
export function needsReassigning(view: RegisterView, directory: readonly Person[]): { row: RegisterRow; gone: Person[] }[] {
  return view.rows.flatMap((row) => {
    if (!isRunning(row.status)) return [];
    const gone = notInDirectory([...row.recommendation.owners, ...(row.recommendation.delegates ?? [])], directory);
    return gone.length ? [{ row, gone }] : [];
  });
}
