import { selectOf } from '../list-schema';
import { z } from 'zod';
import { type DecisionRecord } from '../../../application/ports';
import type { ListItem } from '../gateway/list-item';
import { type Fields, text, optionalText, parsed } from './fields';

export const decisionSelect = selectOf('decisions');

const decisionSchema = z.object({
  recommendationId: z.string().min(1),
  meetingId: z.string().optional(),
  kind: z.string().min(1),
  actor: z.string().min(1),
  at: z.string().min(1),
  detail: z.string(),
  idempotencyKey: z.string().min(1),
});

export function decisionToFields(d: DecisionRecord): Fields {
  return {
    Title: d.kind,
    IdempotencyKey: d.idempotencyKey,
    RecommendationId: d.recommendationId,
    MeetingId: d.meetingId ?? null,
    Kind: d.kind,
    ActorEmail: d.actor,
    At: d.at,
    DetailJson: d.detail,
  };
}

export function decisionFromItem(item: ListItem): DecisionRecord {
  const f = item.fields;
  return parsed(
    decisionSchema,
    {
      recommendationId: text(f, 'RecommendationId'),
      meetingId: optionalText(f, 'MeetingId'),
      kind: text(f, 'Kind'),
      actor: text(f, 'ActorEmail'),
      at: text(f, 'At'),
      detail: text(f, 'DetailJson'),
      idempotencyKey: text(f, 'IdempotencyKey'),
    },
    `Decision ${item.id}`,
  );
}
