import {
  completedByOriginalTarget,
  isRunning,
  isWorkable,
  priorities,
  revisionBucket,
  revisionBuckets,
  type Priority,
  type ProgressRag,
  type RevisionBucket,
  type PaperFigures,
} from '../../domain';
import { reviewQueue, type RegisterFilter, type RegisterView } from './register-view';

/** A figure and the register filter that lists the items behind it. */
export interface Figure {
  count: number;
  filter: Partial<RegisterFilter>;
}

export interface ProgrammeDashboard {
  /** Open items of each priority, by progress: overdue, not yet due, implemented (awaiting the panel). */
  openByPriority: { priority: Priority; total: Figure; byRag: { rag: ProgressRag; figure: Figure }[] }[];
  /** Audits with overdue items, most first. */
  overdueByAudit: { auditId: string; auditTitle: string; figure: Figure }[];
  /** The share completed by the original target, as it stood at each of the last eight meetings. */
  onTimeTrend: { cycle: string; date: string; due: number; onTime: number; share?: number }[];
  /** Items, decided ones too, by how many times their target has been revised. */
  revisions: { bucket: RevisionBucket; figure: Figure }[];
  /** This cycle's updates: how many are due (from items with their owners), received, and missing. */
  updates: { cycle?: string; due: number; received: number; missing: Figure };
  /** What waits for the coordinator: owners' proposals and target requests. */
  waiting: { proposals: number; targetRequests: number };
}

const progressOrder: ProgressRag[] = ['RED', 'AMBER', 'GREEN'];

/** The state of the programme, each figure with the register filter behind it, from the register as loaded. */
export function programmeDashboard(view: RegisterView, today: string, cycles = 8): ProgrammeDashboard {
  const open = view.rows.filter((r) => isRunning(r.status));
  const count = (rows: readonly unknown[], filter: Partial<RegisterFilter>): Figure => ({ count: rows.length, filter });
  const overdue = open.filter((r) => r.rag === 'RED');
  const audits = [...new Set(overdue.map((r) => r.recommendation.auditId))];
  const workable = view.rows.filter((r) => isWorkable(r.status));
  const missing = view.rows.filter((r) => r.updateDue);
  const queue = reviewQueue(view);
  const items = view.rows.map((r) => r.recommendation);
  const past = [...view.data.meetings]
    .filter((m) => m.date <= today)
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(-cycles);
  return {
    openByPriority: priorities.map((priority) => {
      const mine = open.filter((r) => r.recommendation.priority === priority);
      return {
        priority,
        total: count(mine, { priority, openOnly: true }),
        byRag: progressOrder.map((rag) => ({
          rag,
          figure: count(
            mine.filter((r) => r.rag === rag),
            { priority, rag, openOnly: true },
          ),
        })),
      };
    }),
    overdueByAudit: audits
      .map((auditId) => {
        const rows = overdue.filter((r) => r.recommendation.auditId === auditId);
        return { auditId, auditTitle: rows[0]?.auditTitle ?? '', figure: count(rows, { auditId, overdueOnly: true }) };
      })
      .sort((a, b) => b.figure.count - a.figure.count || a.auditTitle.localeCompare(b.auditTitle)),
    onTimeTrend: past.map((m) => ({ cycle: m.cycle, date: m.date, ...completedByOriginalTarget(items, m.date) })),
    revisions: revisionBuckets.map((bucket) => ({
      bucket,
      figure: count(
        view.rows.filter((r) => revisionBucket(r.recommendation.targets.revisions.length) === bucket),
        { revisions: bucket },
      ),
    })),
    updates: {
      cycle: view.meeting?.cycle,
      due: workable.length,
      received: workable.length - missing.length,
      missing: count(missing, { noUpdateOnly: true }),
    },
    waiting: { proposals: queue.proposals.length, targetRequests: queue.targetRequests.length },
  };
}

/** The dashboard's figures as counts, for the paper's first page: the same figures, without their links. */
export function paperFigures(view: RegisterView, today: string): PaperFigures {
  const figures = programmeDashboard(view, today);
  const count = (rows: ProgrammeDashboard['openByPriority'][number]['byRag'], rag: ProgressRag): number => rows.find((r) => r.rag === rag)?.figure.count ?? 0;
  return {
    openByPriority: figures.openByPriority.map(({ priority, total, byRag }) => ({
      priority,
      overdue: count(byRag, 'RED'),
      notYetDue: count(byRag, 'AMBER'),
      implemented: count(byRag, 'GREEN'),
      open: total.count,
    })),
    overdueByAudit: figures.overdueByAudit.map((a) => ({ audit: a.auditTitle, count: a.figure.count })),
    onTimeTrend: figures.onTimeTrend.map(({ cycle, date, due, onTime }) => ({ cycle, date, due, onTime })),
    revisions: figures.revisions.map((r) => ({ revisions: r.bucket === '3+' ? '3 or more' : r.bucket, count: r.figure.count })),
    updates: { cycle: figures.updates.cycle, due: figures.updates.due, received: figures.updates.received },
  };
}
