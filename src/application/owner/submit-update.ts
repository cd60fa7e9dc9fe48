import {
  applyTransition,
  isOwnedBy,
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
import { ForbiddenError, type RecommendationStore, type Versioned } from '../ports';
import { describeChanges } from '../coordinator/recommendation-changes';
import type { Actor } from '../shared/actor';
import { validateDraft, type DraftField, type UpdateDraft, type UpdateWriter } from './update-draft';

export type SubmitResult =
  | { kind: 'submitted'; update: OwnerUpdate }
  | { kind: 'invalid'; errors: Partial<Record<DraftField, string>> }
  /** The recommendation changed since the owner opened it: show what changed; the draft is kept as it is. */
  | { kind: 'changed'; current: Versioned<Recommendation>; changes: string[] };

/**
 * Submits an update: an owner's own, or the audit coordinator's on the owner's behalf (a full update, which may
 * put the item forward for closure). Nothing is lost on any failure: the caller keeps the draft until this
 * answers "submitted", and a retry with the same draft reuses its idempotency key, so it never makes a second update.
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
  const ownsItem = isOwnedBy(current.value, author.email);
  const ownsPart = partsOwnedBy(current.value, author.email).length > 0;
  const byCoordinator = author.role === 'coordinator' && !ownsItem && !ownsPart;
  // A delegate writes the owner's own kind of update, marked as on the owner's behalf.
  const writer: UpdateWriter = byCoordinator
    ? { kind: 'coordinatorUpdate', onBehalfOf: current.value.owners[0] }
    : { kind: 'ownerUpdate', onBehalfOf: ownsItem || ownsPart ? undefined : current.value.owners[0] };
  const checked = validateDraft(draft, author, cycle, now, writer, reading);
  if ('errors' in checked) return { kind: 'invalid', errors: checked.errors };
  if (!byCoordinator && !mayReport(current.value, detail.delegations, author.email)) {
    throw new ForbiddenError('This recommendation is no longer yours: it has been reassigned');
  }
  if (!byCoordinator && !mayWriteUpdate(current.value, detail.delegations, { email: author.email, part: checked.update.part })) {
    return { kind: 'invalid', errors: { part: `Report on your part: ${partsOwnedBy(current.value, author.email).join(', ')}` } };
  }
  const stillOpen = openParts(current.value);
  if (proposesItemClosure(checked.update) && stillOpen.length > 0) {
    return { kind: 'invalid', errors: { proposesClosure: openPartsMessage(stillOpen) } };
  }
  if (current.etag !== draft.opened.etag) {
    return { kind: 'changed', current, changes: describeChanges(draft.opened.value, current.value) };
  }
  // A proposal is the lifecycle's proposeClosure: the state machine says whether this item may take one now.
  if (proposesItemClosure(checked.update)) {
    applyTransition(current.value.status, {
      transition: 'proposeClosure',
      actor: { role: author.role, ownsItem: !byCoordinator },
      narrative: checked.update.closureNarrative,
      evidenceCount: checked.update.evidence.length,
    });
  }
  return { kind: 'submitted', update: await store.addUpdate(checked.update) };
}
