import { z } from 'zod';
import {
  blankAnswers,
  evidenceRefSchema,
  recommendationSchema,
  parseTargetDate,
  fieldErrors,
  ownerUpdateSchema,
  type EvidenceRef,
  type OwnerUpdate,
  type Person,
  type Recommendation,
  type TargetReading,
  type UpdateKind,
  organisationToday,
  isOwnedBy,
  partsOwnedBy,
  maxCollectiveItems,
} from '../../domain';
import type { Versioned } from '../ports';

/**
 * An owner's update while it is being written. It is saved on the device as it is typed and restored after a
 * reload or a crash; its idempotency key is fixed when the draft starts, so any retry is the same submission.
 */
export interface UpdateDraft {
  recommendationId: string;
  /** The version of the recommendation the owner was looking at, to notice changes made meanwhile. */
  opened: Versioned<Recommendation>;
  idempotencyKey: string;
  /** The part (a, b, ...) the update reports on; '' for the whole item. */
  part: string;
  achieved: string;
  remaining: string;
  barriers: string;
  mitigation: string;
  proposesClosure: boolean;
  closureNarrative: string;
  /** Whether the closure hangs on a condition, and what it is. */
  closureConditional: boolean;
  closureCondition: string;
  evidence: EvidenceRef[];
  requestNewTarget: boolean;
  newTargetDate: string;
  newTargetReason: string;
  /** Other recommendations the same response applies to (a collective response); none for this item alone. */
  alsoApplyTo: string[];
}

export const updateDraftSchema: z.ZodType<UpdateDraft> = z.object({
  recommendationId: z.string(),
  opened: z.object({ value: recommendationSchema, etag: z.string() }),
  idempotencyKey: z.string().min(8),
  // Drafts saved before parts existed report on the whole item.
  part: z.string().default(''),
  achieved: z.string(),
  remaining: z.string(),
  barriers: z.string(),
  mitigation: z.string(),
  proposesClosure: z.boolean(),
  closureNarrative: z.string(),
  // Drafts saved before conditions existed still restore.
  closureConditional: z.boolean().default(false),
  closureCondition: z.string().default(''),
  evidence: z.array(evidenceRefSchema),
  requestNewTarget: z.boolean(),
  newTargetDate: z.string(),
  newTargetReason: z.string(),
  // Drafts saved before collective responses existed apply to their own item only.
  alsoApplyTo: z.array(z.string()).default([]),
});

export type DraftField = keyof Pick<
  UpdateDraft,
  | 'part'
  | 'proposesClosure'
  | 'achieved'
  | 'remaining'
  | 'barriers'
  | 'mitigation'
  | 'closureNarrative'
  | 'closureCondition'
  | 'evidence'
  | 'newTargetDate'
  | 'newTargetReason'
  | 'alsoApplyTo'
>;

export const draftKey = (email: string, recommendationId: string): string => `auditTracker.draft.${email.toLowerCase()}.${recommendationId}`;

/** A part's owner who does not own the whole item reports on their first part; everyone else on the whole item. */
const defaultPart = (recommendation: Recommendation, reporter: string | undefined): string =>
  reporter && !isOwnedBy(recommendation, reporter) ? (partsOwnedBy(recommendation, reporter)[0] ?? '') : '';

export function newDraft(opened: Versioned<Recommendation>, makeKey: () => string, reporter?: string): UpdateDraft {
  return {
    recommendationId: opened.value.id,
    opened,
    idempotencyKey: makeKey(),
    part: defaultPart(opened.value, reporter),
    ...blankAnswers(),
    closureConditional: false,
    closureCondition: '',
    requestNewTarget: false,
    newTargetDate: '',
    newTargetReason: '',
    alsoApplyTo: [],
  };
}

export const hasContent = (draft: UpdateDraft): boolean =>
  [draft.achieved, draft.remaining, draft.barriers, draft.mitigation, draft.closureNarrative, draft.closureCondition, draft.newTargetReason].some(
    (t) => t.trim() !== '',
  ) || draft.evidence.length > 0;

const fieldOfPath: Record<string, DraftField> = {
  achieved: 'achieved',
  remaining: 'remaining',
  barriers: 'barriers',
  mitigation: 'mitigation',
  closureNarrative: 'closureNarrative',
  closureCondition: 'closureCondition',
  evidence: 'evidence',
  'targetRequest.target': 'newTargetDate',
  'targetRequest.target.due': 'newTargetDate',
  'targetRequest.reason': 'newTargetReason',
};

/** Who the update is from: an owner's own, or the audit team's on an owner's behalf. */
export interface UpdateWriter {
  kind: Extract<UpdateKind, 'ownerUpdate' | 'coordinatorUpdate'>;
  onBehalfOf?: Person;
}

/** The update the draft makes, or the message for each field that stops it. */
export function validateDraft(
  draft: UpdateDraft,
  author: Person,
  cycle: string,
  now: Date,
  writer: UpdateWriter = { kind: 'ownerUpdate' },
  reading: TargetReading = {},
): { update: Omit<OwnerUpdate, 'id'> } | { errors: Partial<Record<DraftField, string>> } {
  const errors: Partial<Record<DraftField, string>> = {};
  const today = organisationToday(now);
  const requested = parseTargetDate(draft.newTargetDate, reading);
  if (draft.requestNewTarget) {
    if (!requested.text) errors.newTargetDate = 'Write the new target, e.g. March 2026 or 3rd Qtr 2025-26';
    else if (requested.due !== undefined && requested.due <= today) errors.newTargetDate = 'The new target date must be in the future';
  }
  const candidate = {
    id: 'new',
    recommendationId: draft.recommendationId,
    cycle,
    kind: writer.kind,
    author,
    onBehalfOf: writer.onBehalfOf,
    part: draft.part || undefined,
    achieved: draft.achieved,
    remaining: draft.remaining,
    barriers: draft.barriers,
    mitigation: draft.mitigation,
    proposesClosure: draft.proposesClosure,
    closureNarrative: draft.proposesClosure ? draft.closureNarrative : '',
    closureCondition: draft.proposesClosure && draft.closureConditional ? draft.closureCondition : undefined,
    evidence: draft.evidence,
    targetRequest: draft.requestNewTarget && !errors.newTargetDate ? { target: requested, reason: draft.newTargetReason } : undefined,
    note: '',
    idempotencyKey: draft.idempotencyKey,
    submittedAt: now.toISOString(),
  };
  const parsed = ownerUpdateSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const [path, message] of Object.entries(fieldErrors(parsed.error))) {
      const field = fieldOfPath[path];
      if (field) errors[field] ??= message;
    }
  }
  if (draft.requestNewTarget && !draft.newTargetReason.trim()) errors.newTargetReason ??= 'Explain why the date must move';
  if (draft.part && draft.alsoApplyTo.length > 0) {
    errors.alsoApplyTo = 'A response shared with other recommendations reports on the whole item: choose the whole recommendation, or share it with none';
  }
  if (draft.alsoApplyTo.length + 1 > maxCollectiveItems) errors.alsoApplyTo ??= `Share one response with at most ${maxCollectiveItems} recommendations`;
  if (Object.keys(errors).length > 0 || !parsed.success) return { errors };
  const { id: _id, ...update } = parsed.data;
  return { update };
}
