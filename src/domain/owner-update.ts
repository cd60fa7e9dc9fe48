import { z } from 'zod';
import { personSchema } from './people';
import { evidenceRefSchema } from './evidence';
import { targetDateSchema } from './target-date';

/** The report's fixed questions, in the order the paper prints them. */
export const updateQuestions = {
  achieved: 'What has been achieved?',
  remaining: 'What is left to complete, and milestones?',
  barriers: 'Barriers to completion, and how these may be resolved?',
  mitigation: 'Risk mitigation in place meanwhile',
  closureNarrative: 'Is the recommendation proposed closed? Narrative and evidence that proves it has been met',
} as const;

const answer = z.string().max(100_000, 'Keep each answer under 100,000 characters');

export const targetRequestSchema = z.object({
  target: targetDateSchema.refine((t) => t.due !== undefined, { message: 'Choose the new target date' }),
  reason: z.string().trim().min(1, 'Explain why the date must move'),
});
export type TargetRequest = z.infer<typeof targetRequestSchema>;

/** An owner's own update, or a note the audit team records for an owner ("lead unwell at the time of reporting"). */
export const updateKinds = ['ownerUpdate', 'coordinatorNote'] as const;

export const ownerUpdateSchema = z
  .object({
    id: z.string().min(1),
    recommendationId: z.string().min(1),
    cycle: z.string().trim().min(1),
    kind: z.enum(updateKinds),
    author: personSchema,
    onBehalfOf: personSchema.optional(),
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
    /** Client-generated, so a retried submission is recognised rather than stored twice. */
    idempotencyKey: z.string().min(8),
    submittedAt: z.iso.datetime({ offset: true }),
  })
  .superRefine((update, ctx) => {
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

/** Field -> first message, for showing validation beside each field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'form';
    out[key] ??= issue.message;
  }
  return out;
}
