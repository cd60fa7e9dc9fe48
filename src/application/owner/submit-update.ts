import {
  applyTransition,
  collectiveCopies,
  collectiveCopyKey,
  effectiveStatus,
  IllegalTransitionError,
  isOwnedBy,
  isWorkable,
  mayReport,
  mayWriteUpdate,
  openParts,
  openPartsMessage,
  partsOwnedBy,
  proposesItemClosure,
  type OwnerUpdate,
  type Recommendation,
  type TargetReading,
} from '../../domain';
import { ForbiddenError, type RecommendationDetail, type RecommendationStore, type Versioned } from '../ports';
import { describeChanges } from '../coordinator/recommendation-changes';
import type { Actor } from '../shared/actor';
import { validateDraft, type DraftField, type UpdateDraft, type UpdateWriter } from './update-draft';

export type SubmitResult =
  /** `update` is the one written on the draft's item; `copies`, the same response on each item it also applies to. */
  | { kind: 'submitted'; update: OwnerUpdate; copies: OwnerUpdate[] }
  | { kind: 'invalid'; errors: Partial<Record<DraftField, string>> }
  /** The recommendation changed since the owner opened it: show what changed; the draft is kept as it is. */
  | { kind: 'changed'; current: Versioned<Recommendation>; changes: string[] };

/** Who an update on this item is from: its owner's own (or a delegate's, for the owner), or the audit team's. */
function writerOn(item: Recommendation, author: Actor): { writer: UpdateWriter; byCoordinator: boolean } {
  const ownsItem = isOwnedBy(item, author.email);
  const ownsPart = partsOwnedBy(item, author.email).length > 0;
  const byCoordinator = author.role === 'coordinator' && !ownsItem && !ownsPart;
  // A delegate writes the owner's own kind of update, marked as on the owner's behalf.
  const writer: UpdateWriter = byCoordinator
    ? { kind: 'coordinatorUpdate', onBehalfOf: item.owners[0] }
    : { kind: 'ownerUpdate', onBehalfOf: ownsItem || ownsPart ? undefined : item.owners[0] };
  return { writer, byCoordinator };
}

/** Why this writer may not put this update on this item (their part, or parts still open), or undefined. */
function refusal(
  detail: RecommendationDetail,
  update: Omit<OwnerUpdate, 'id'>,
  author: Actor,
  byCoordinator: boolean,
): { field: DraftField; message: string } | undefined {
  const item = detail.recommendation.value;
  if (!byCoordinator && !mayWriteUpdate(item, detail.delegations, { email: author.email, part: update.part })) {
    return { field: 'part', message: `Report on your part: ${partsOwnedBy(item, author.email).join(', ')}` };
  }
  const stillOpen = openParts(item);
  if (proposesItemClosure(update) && stillOpen.length > 0) return { field: 'proposesClosure', message: openPartsMessage(stillOpen) };
  return undefined;
}

/** A proposal is the lifecycle's proposeClosure: the state machine says whether this item may take one now. */
function checkProposal(item: Recommendation, update: Omit<OwnerUpdate, 'id'>, author: Actor, byCoordinator: boolean): void {
  if (!proposesItemClosure(update)) return;
  applyTransition(item.status, {
    transition: 'proposeClosure',
    actor: { role: author.role, ownsItem: !byCoordinator },
    narrative: update.closureNarrative,
    evidenceCount: update.evidence.length,
  });
}

/**
 * The other items a collective response also goes on, each checked as if the response were written there:
 * the writer must report on it and it must still take an update. The first that cannot is named.
 */
async function sharedWith(store: RecommendationStore, draft: UpdateDraft, update: Omit<OwnerUpdate, 'id'>, author: Actor) {
  const copies: { detail: RecommendationDetail; writer: UpdateWriter }[] = [];
  for (const id of draft.alsoApplyTo.filter((other) => other !== draft.recommendationId)) {
    const detail = await store.recommendationDetail(id);
    const item = detail.recommendation.value;
    const { writer, byCoordinator } = writerOn(item, author);
    const name = `${item.reference} ${item.title}`;
    // A retry of a response whose copy here is already written: the copy stands, whatever the item's state now.
    const key = collectiveCopyKey(draft.idempotencyKey, id);
    if ([...detail.updates, ...detail.suspect.map((s) => s.update)].some((u) => u.idempotencyKey === key)) {
      copies.push({ detail, writer });
      continue;
    }
    if (!byCoordinator && !mayReport(item, detail.delegations, author.email)) {
      return { problem: `You do not report on ${name}: share the response only with your own recommendations` };
    }
    if (!isWorkable(effectiveStatus(item, detail.updates))) return { problem: `${name} no longer takes an update: leave it out` };
    const refused = refusal(detail, update, author, byCoordinator);
    if (refused) return { problem: `${name}: ${refused.message}` };
    try {
      checkProposal(item, update, author, byCoordinator);
    } catch (error) {
      if (error instanceof IllegalTransitionError) return { problem: `${name}: ${error.message}` };
      throw error;
    }
    copies.push({ detail, writer });
  }
  return { copies };
}

/**
 * Submits an update: an owner's own, or the audit coordinator's on the owner's behalf (a full update, which may
 * put the item forward for closure), on one item or, as a collective response, on several. Nothing is lost on
 * any failure: the caller keeps the draft until this answers "submitted", and a retry with the same draft
 * reuses its idempotency key (and each copy's key derived from it), so it never makes a second update.
 */
export async function submitUpdate(
  store: RecommendationStore,
  draft: UpdateDraft,
  author: Actor,
  cycle: string,
  now: Date,
  reading: TargetReading = {},
): Promise<SubmitResult> {
  const detail = await store.recommendationDetail(draft.recommendationId);
  const current = detail.recommendation;
  const { writer, byCoordinator } = writerOn(current.value, author);
  const checked = validateDraft(draft, author, cycle, now, writer, reading);
  if ('errors' in checked) return { kind: 'invalid', errors: checked.errors };
  if (!byCoordinator && !mayReport(current.value, detail.delegations, author.email)) {
    throw new ForbiddenError('This recommendation is no longer yours: it has been reassigned');
  }
  const refused = refusal(detail, checked.update, author, byCoordinator);
  if (refused) return { kind: 'invalid', errors: { [refused.field]: refused.message } };
  if (current.etag !== draft.opened.etag) {
    return { kind: 'changed', current, changes: describeChanges(draft.opened.value, current.value) };
  }
  checkProposal(current.value, checked.update, author, byCoordinator);
  const shared = await sharedWith(store, draft, checked.update, author);
  if ('problem' in shared) return { kind: 'invalid', errors: { alsoApplyTo: shared.problem } };
  const writers = new Map(shared.copies.map((c) => [c.detail.recommendation.value.id, c.writer]));
  const { lead, copies: toWrite } = collectiveCopies(checked.update, [...writers.keys()]);
  const update = await store.addUpdate(lead);
  const copies: OwnerUpdate[] = [];
  for (const copy of toWrite) copies.push(await store.addUpdate({ ...copy, ...writers.get(copy.recommendationId) }));
  return { kind: 'submitted', update, copies };
}
