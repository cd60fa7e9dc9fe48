import { selectOf } from '../list-schema';
import { z } from 'zod';
import { blankAnswers, ownerUpdateSchema, personSchema, type OwnerUpdate } from '../../../domain';
import { type DecisionRecord } from '../../../application/ports';
import type { ListItem } from '../gateway/list-item';
import { type Fields, text, optionalText, json, parsed } from './fields';

export const decisionSelect = selectOf('decisions');

/** What a trail entry carries besides its text: a note's owner, or the proposal frozen at acceptance. */
const payloadSchema = z.object({ onBehalfOf: personSchema.optional(), frozen: ownerUpdateSchema.optional() });

const decisionSchema = z.object({
  recommendationId: z.string().min(1),
  meetingId: z.string().optional(),
  kind: z.string().min(1),
  actor: z.string().min(1),
  at: z.string().min(1),
  detail: z.string(),
  idempotencyKey: z.string().min(1),
  cycle: z.string().optional(),
  onBehalfOf: personSchema.optional(),
  frozen: ownerUpdateSchema.optional(),
});

export function decisionToFields(d: DecisionRecord): Fields {
  const payload = { onBehalfOf: d.onBehalfOf, frozen: d.frozen };
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
    PayloadJson: payload.onBehalfOf || payload.frozen ? JSON.stringify(payload) : null,
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

/** A note the audit team recorded, as the update the timeline and the paper show. */
export function noteFromDecision(item: ListItem, decision: DecisionRecord): OwnerUpdate {
  return parsed(
    ownerUpdateSchema,
    {
      id: `note-${item.id}`,
      recommendationId: decision.recommendationId,
      cycle: decision.cycle ?? '',
      kind: 'coordinatorNote',
      author: item.createdBy,
      onBehalfOf: decision.onBehalfOf,
      ...blankAnswers(),
      note: decision.detail,
      idempotencyKey: decision.idempotencyKey,
      submittedAt: item.createdAt,
    },
    `Note ${item.id}`,
  );
}

/** The audit team's note as the trail entry it is kept as. */
export function noteToDecision(note: Omit<OwnerUpdate, 'id'>): DecisionRecord {
  return {
    recommendationId: note.recommendationId,
    kind: 'coordinatorNote',
    actor: note.author.email,
    at: note.submittedAt,
    detail: note.note,
    idempotencyKey: note.idempotencyKey,
    cycle: note.cycle,
    onBehalfOf: note.onBehalfOf,
  };
}
