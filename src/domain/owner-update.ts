import { z } from 'zod';
import { personSchema, sameEmail } from './people';
import { evidenceRefSchema } from './evidence';
import { targetDateSchema } from './target-date';
import { collectiveSchema } from './collective-response';

/** The report's fixed questions, in the order the paper prints them. */
export const updateQuestions = {
  achieved: 'What has been achieved?',
  remaining: 'What is left to complete, and milestones?',
  barriers: 'Barriers to completion, and how these may be resolved?',
  mitigation: 'Risk mitigation in place meanwhile',
  closureNarrative: 'Is the recommendation proposed closed? Narrative and evidence that proves it has been met',
} as const;

const answer = z.string().max(100_000, 'Keep each answer under 100,000 characters');

/** An owner's request for a new target, in their own words; one with no date in it is kept, and flagged. */
export const targetRequestSchema = z.object({
  target: targetDateSchema.refine((t) => t.text.trim() !== '', { message: 'Write the new target, e.g. March 2026 or 3rd Qtr 2025-26' }),
  reason: z.string().trim().min(1, 'Explain why the date must move'),
});
export type TargetRequest = z.infer<typeof targetRequestSchema>;

/**
 * An owner's own update (or their delegate's); a full update the audit team writes on an owner's behalf, which
 * may put the item forward for closure (the register's PROPOSED CLOSED marker with no owner "yes"); or a note
 * the audit team records for an owner ("lead unwell at the time of reporting").
 */
export const updateKinds = ['ownerUpdate', 'coordinatorUpdate', 'coordinatorNote'] as const;
export type UpdateKind = (typeof updateKinds)[number];

/** Updates that report progress and may propose closure: everything but the audit team's notes. */
export const reportsProgress = (update: Pick<OwnerUpdate, 'kind'>): boolean => update.kind !== 'coordinatorNote';

/** Proposes closing the whole item: a part's owner proposing their part done does not. */
export const proposesItemClosure = (update: Pick<OwnerUpdate, 'kind' | 'proposesClosure' | 'part'>): boolean =>
  reportsProgress(update) && update.proposesClosure && !update.part;

/** Written by the audit team, so kept in its own list (which only coordinators can write) and trusted from there. */
export const byAuditTeam = (update: Pick<OwnerUpdate, 'kind'>): boolean => update.kind !== 'ownerUpdate';

const updateFields = z.object({
  id: z.string().min(1),
  recommendationId: z.string().min(1),
  cycle: z.string().trim().min(1),
  kind: z.enum(updateKinds),
  author: personSchema,
  onBehalfOf: personSchema.optional(),
  /** The part (a, b, ...) this update reports on; none for the whole item. */
  part: z.string().trim().min(1).optional(),
  achieved: answer,
  remaining: answer,
  barriers: answer,
  mitigation: answer,
  proposesClosure: z.boolean(),
  closureNarrative: answer,
  /** A conditional closure: "subject to approval of the Honoraria Procedure at JNCC". Shown wherever the item is. */
  closureCondition: z.string().trim().max(2000).optional(),
  evidence: z.array(evidenceRefSchema),
  targetRequest: targetRequestSchema.optional(),
  note: answer,
  /** One response applied to several items: this is that item's copy. */
  collective: collectiveSchema.optional(),
  /** Client-generated, so a retried submission is recognised rather than stored twice. */
  idempotencyKey: z.string().min(8),
  submittedAt: z.iso.datetime({ offset: true }),
});

/** What an update says, without who wrote it or when: what the audit team's own updates keep in their trail entry. */
export const updateAnswersSchema = updateFields.pick({
  achieved: true,
  remaining: true,
  barriers: true,
  mitigation: true,
  proposesClosure: true,
  closureNarrative: true,
  closureCondition: true,
  evidence: true,
  targetRequest: true,
  part: true,
  collective: true,
});
export type UpdateAnswers = z.infer<typeof updateAnswersSchema>;

export const ownerUpdateSchema = updateFields.superRefine((update, ctx) => {
  if (update.kind === 'coordinatorNote') {
    if (!update.note.trim()) ctx.addIssue({ code: 'custom', path: ['note'], message: 'Write the note' });
    return;
  }
  if (!update.achieved.trim() && !update.proposesClosure && !update.targetRequest) {
    ctx.addIssue({ code: 'custom', path: ['achieved'], message: 'Say what has been achieved this cycle' });
  }
  if (update.proposesClosure) {
    if (!update.closureNarrative.trim()) {
      ctx.addIssue({ code: 'custom', path: ['closureNarrative'], message: 'Explain how the recommendation has been met' });
    }
    if (update.evidence.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['evidence'], message: 'Add at least one piece of evidence: a file, a link, or where it is' });
    }
    if (update.closureCondition !== undefined && !update.closureCondition) {
      ctx.addIssue({ code: 'custom', path: ['closureCondition'], message: 'Say what the closure is subject to' });
    }
  }
});
export type OwnerUpdate = z.infer<typeof ownerUpdateSchema>;

/** An update's answers before anything is written: where every update starts, and all a coordinator note has. */
export const blankAnswers = (): Pick<
  OwnerUpdate,
  'achieved' | 'remaining' | 'barriers' | 'mitigation' | 'proposesClosure' | 'closureNarrative' | 'evidence'
> => ({
  achieved: '',
  remaining: '',
  barriers: '',
  mitigation: '',
  proposesClosure: false,
  closureNarrative: '',
  evidence: [],
});

/** Who wrote an update, as the timeline and the paper say it: "by X on behalf of Y" when someone wrote for the owner. */
export const updateAttribution = (update: Pick<OwnerUpdate, 'author' | 'onBehalfOf'>): string =>
  update.onBehalfOf && !sameEmail(update.onBehalfOf.email, update.author.email)
    ? `by ${update.author.name} on behalf of ${update.onBehalfOf.name}`
    : `by ${update.author.name}`;

/** Field -> first message, for showing validation beside each field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'form';
    out[key] ??= issue.message;
  }
  return out;
}

/** Updates grouped by the recommendation they are for, each group in the order given: one pass, for lookups by item. */
export function updatesByRecommendation<T extends Pick<OwnerUpdate, 'recommendationId'>>(updates: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const update of updates) {
    const list = grouped.get(update.recommendationId);
    if (list) list.push(update);
    else grouped.set(update.recommendationId, [update]);
  }
  return grouped;
}
