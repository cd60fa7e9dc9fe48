import {
  actionNeeded,
  addDays,
  isWorkable,
  compareUrgency,
  nextMeeting,
  type Meeting,
  currentTarget,
  effectiveStatus,
  progressRag,
  type Audit,
  type OwnerUpdate,
  type ProgressRag,
  type Recommendation,
  type Status,
  type TargetDate,
} from '../../domain';
import type { InvalidRecordError, RecommendationStore, Versioned } from '../ports';

export interface ItemProgress {
  status: Status;
  rag: ProgressRag;
  current: TargetDate;
  /** Workable and without an update for the current cycle, or sent back and not yet answered. */
  updateDue: boolean;
  /** Sent back by the coordinator or the panel and not yet answered: why. */
  actionNeeded?: { reason: string };
}

export interface OwnedRecommendation extends ItemProgress {
  recommendation: Versioned<Recommendation>;
  audit: Audit | undefined;
}

/** Where one recommendation stands today, from its stored state and its own updates. */
export function itemProgress(recommendation: Recommendation, ownUpdates: readonly OwnerUpdate[], cycle: string | undefined, today: string): ItemProgress {
  const status = effectiveStatus(recommendation, ownUpdates);
  const current = currentTarget(recommendation.targets);
  const workable = isWorkable(status);
  const sentBack = workable ? actionNeeded(recommendation, ownUpdates) : undefined;
  const updateDue = workable && (sentBack !== undefined || (cycle !== undefined && !ownUpdates.some((u) => u.cycle === cycle)));
  return { status, rag: progressRag(status, current, today), current, updateDue, actionNeeded: sentBack };
}

export interface MyRecommendations {
  items: OwnedRecommendation[];
  invalid: InvalidRecordError[];
}

/**
 * What an owner sees first: their recommendations, most urgent first, with what each needs this cycle.
 * An item owes an update while it is workable and has none for the current cycle.
 */
export function arrangeMyRecommendations(
  register: { audits: Versioned<Audit>[]; recommendations: Versioned<Recommendation>[]; invalid: InvalidRecordError[] },
  updates: readonly OwnerUpdate[],
  cycle: string | undefined,
  today: string,
): MyRecommendations {
  const audits = new Map(register.audits.map((a) => [a.value.id, a.value]));
  const items = register.recommendations.map((entry): OwnedRecommendation => {
    const own = updates.filter((u) => u.recommendationId === entry.value.id);
    return { recommendation: entry, audit: audits.get(entry.value.auditId), ...itemProgress(entry.value, own, cycle, today) };
  });
  items.sort((a, b) => compareUrgency({ ...a, priority: a.recommendation.value.priority }, { ...b, priority: b.recommendation.value.priority }, today));
  return { items, invalid: register.invalid };
}

/** Updates are read from a year back: enough for the current cycle and the recent timeline. */
const updateWindowDays = 366;

export async function loadMyRecommendations(
  store: RecommendationStore,
  email: string,
  today: string,
): Promise<MyRecommendations & { meeting: Meeting | undefined }> {
  const view = await store.ownerView(email, addDays(today, -updateWindowDays));
  const meeting = nextMeeting(view.meetings, today);
  return { ...arrangeMyRecommendations(view.register, view.updates, meeting?.cycle, today), meeting };
}
