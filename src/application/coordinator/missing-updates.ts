import { daysBetween, type Person } from '../../domain';
import type { RegisterRow, RegisterView } from './register-view';

/** A recommendation still owing this cycle's update, with whom to chase and how long it has been quiet. */
export interface MissingUpdate {
  row: RegisterRow;
  owners: Person[];
  /** Days since its last update of any cycle; undefined when the tracker holds none. */
  daysSinceUpdate?: number;
}

/** The missing updates, the longest quiet first: the coordinator chases those before the rest. */
export function missingUpdates(view: RegisterView, today: string): MissingUpdate[] {
  const last = new Map<string, string>();
  for (const u of view.data.updates) {
    const seen = last.get(u.recommendationId);
    if (!seen || u.submittedAt > seen) last.set(u.recommendationId, u.submittedAt);
  }
  return view.rows
    .filter((r) => r.updateDue)
    .map((row) => {
      const at = last.get(row.recommendation.id);
      return { row, owners: row.recommendation.owners, daysSinceUpdate: at ? daysBetween(at.slice(0, 10), today) : undefined };
    })
    .sort((a, b) => (b.daysSinceUpdate ?? Infinity) - (a.daysSinceUpdate ?? Infinity));
}
