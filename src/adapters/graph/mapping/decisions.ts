import { selectOf } from '../list-schema';
import { z } from 'zod';
import { blankAnswers, decisionStateSchema, ownerUpdateSchema, personSchema, updateAnswersSchema, type OwnerUpdate } from '../../../domain';
import { type DecisionRecord } from '../../../application/ports';
import type { ListItem } from '../gateway/list-item';
import { type Fields, text, optionalText, json, parsed } from './fields';

export const decisionSelect = selectOf('decisions');

/** What a trail entry carries besides its text: a note's owner, an update's answers, or the proposal frozen at acceptance. */
const payloadSchema = z.object({
  onBehalfOf: personSchema.optional(),
  answers: updateAnswersSchema.optional(),
  frozen: ownerUpdateSchema.optional(),
  subjectId: z.string().optional(),
  paperSha256: z.string().optional(),
  before: decisionStateSchema.optional(),
});

const decisionSchema = z
  .object({
    recommendationId: z.string().min(1),
    meetingId: z.string().optional(),
    kind: z.string().min(1),
    actor: z.string().min(1),
    at: z.string().min(1),
    detail: z.string(),
    idempotencyKey: z.string().min(1),
    cycle: z.string().optional(),
  })
  .extend(payloadSchema.shape);

export function decisionToFields(d: DecisionRecord): Fields {
  const payload = { onBehalfOf: d.onBehalfOf, answers: d.answers, frozen: d.frozen, subjectId: d.subjectId, paperSha256: d.paperSha256, before: d.before };
  return {
    Title: d.kind,
    IdempotencyKey: d.idempotencyKey,
    RecommendationId: d.recommendationId,
    MeetingId: d.meetingId ?? null,
    Kind: d.kind,
    ActorEmail: d.actor,
    At: d.at,
    DetailJson: d.detail,
    Cycle: d.cycle ?? null,
    PayloadJson: Object.values(payload).some((v) => v !== undefined) ? JSON.stringify(payload) : null,
  };
}

/** A trail entry. The list is the audit team's alone; who wrote it is SharePoint's createdBy, as everywhere. */
export function decisionFromItem(item: ListItem): DecisionRecord {
  const f = item.fields;
  const payload = payloadSchema.safeParse(json(f, 'PayloadJson') ?? {});
  return parsed(
    decisionSchema,
    {
      recommendationId: text(f, 'RecommendationId'),
      meetingId: optionalText(f, 'MeetingId'),
      kind: text(f, 'Kind'),
      actor: item.createdBy?.email ?? text(f, 'ActorEmail'),
      at: text(f, 'At'),
      detail: text(f, 'DetailJson'),
      idempotencyKey: text(f, 'IdempotencyKey'),
      cycle: optionalText(f, 'Cycle'),
      ...(payload.success ? payload.data : { frozen: 'unreadable' }),
    },
    `Decision ${item.id}`,
  );
}

/** Trail entries that are the audit team's notes and updates, shown as updates in the timeline and the paper. */
export const auditTeamUpdateKinds: readonly string[] = ['coordinatorNote', 'coordinatorUpdate'];

/** A note or update the audit team recorded, as the update the timeline and the paper show. */
export function auditTeamUpdateFromDecision(item: ListItem, decision: DecisionRecord): OwnerUpdate {
  return parsed(
    ownerUpdateSchema,
    {
      id: `note-${item.id}`,
      recommendationId: decision.recommendationId,
      cycle: decision.cycle ?? '',
      kind: decision.kind,
      author: item.createdBy,
      onBehalfOf: decision.onBehalfOf,
      ...blankAnswers(),
      ...decision.answers,
      note: decision.kind === 'coordinatorNote' ? decision.detail : '',
      idempotencyKey: decision.idempotencyKey,
      submittedAt: item.createdAt,
    },
    `${decision.kind === 'coordinatorNote' ? 'Note' : 'Update'} ${item.id}`,
  );
}

/** The audit team's note or update as the trail entry it is kept as. */
export function auditTeamUpdateToDecision(update: Omit<OwnerUpdate, 'id'>): DecisionRecord {
  const { achieved, remaining, barriers, mitigation, proposesClosure, closureNarrative, closureCondition, evidence, targetRequest, part, collective } = update;
  return {
    recommendationId: update.recommendationId,
    kind: update.kind,
    actor: update.author.email,
    at: update.submittedAt,
    detail: update.kind === 'coordinatorNote' ? update.note : 'Update on behalf of the owner',
    idempotencyKey: update.idempotencyKey,
    cycle: update.cycle,
    onBehalfOf: update.onBehalfOf,
    answers:
      update.kind === 'coordinatorUpdate'
        ? { achieved, remaining, barriers, mitigation, proposesClosure, closureNarrative, closureCondition, evidence, targetRequest, part, collective }
        : undefined,
  };
}
