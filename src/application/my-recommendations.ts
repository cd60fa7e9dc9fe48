import {
  addDays,
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
} from '../domain';
import type { InvalidRecordError, RecommendationStore, Versioned } from './ports';

export interface OwnedRecommendation {
  recommendation: Versioned<Recommendation>;
  audit: Audit | undefined;
  status: Status;
  rag: ProgressRag;
  current: TargetDate;
  updateDue: boolean;
}

export interface MyRecommendations {
  items: OwnedRecommendation[];
  invalid: InvalidRecordError[];
}

/**
 * What an owner sees first: their recommendations, most urgent first, with what each needs this cycle.
 * `updates` are this cycle's updates, so an item already updated is not shown as owing one.
 */
export function arrangeMyRecommendations(
  register: { audits: Versioned<Audit>[]; recommendations: Versioned<Recommendation>[]; invalid: InvalidRecordError[] },
  updates: readonly OwnerUpdate[],
  today: string,
): MyRecommendations {
  const audits = new Map(register.audits.map((a) => [a.value.id, a.value]));
  const items = register.recommendations.map((entry): OwnedRecommendation => {
    const own = updates.filter((u) => u.recommendationId === entry.value.id);
    const status = effectiveStatus(entry.value, own);
    const current = currentTarget(entry.value.targets);
    const updateDue = (status === 'open' || status === 'returnedToOwner') && own.length === 0;
    return { recommendation: entry, audit: audits.get(entry.value.auditId), status, rag: progressRag(status, current, today), current, updateDue };
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
  const thisCycle = view.updates.filter((u) => u.cycle === meeting?.cycle);
  return { ...arrangeMyRecommendations(view.register, thisCycle, today), meeting };
}
