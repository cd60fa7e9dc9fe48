import { selectOf } from '../list-schema';
import { delegationSchema, ownerUpdateSchema, type Delegation, type OwnerUpdate } from '../../../domain';
import type { ListItem } from '../gateway/list-item';
import { type Fields, text, optionalText, json, parsed } from './fields';

export const updateSelect = selectOf('updates');

export function updateToFields(u: Omit<OwnerUpdate, 'id'>): Fields {
  return {
    Title: `${u.cycle} update`,
    IdempotencyKey: u.idempotencyKey,
    RecommendationId: u.recommendationId,
    Cycle: u.cycle,
    Kind: u.kind,
    OnBehalfOfJson: u.onBehalfOf ? JSON.stringify(u.onBehalfOf) : null,
    Part: u.part ?? null,
    Achieved: u.achieved,
    Remaining: u.remaining,
    Barriers: u.barriers,
    Mitigation: u.mitigation,
    ProposesClosure: u.proposesClosure,
    ClosureNarrative: u.closureNarrative,
    ClosureCondition: u.closureCondition ?? null,
    EvidenceJson: JSON.stringify(u.evidence),
    TargetRequestJson: u.targetRequest ? JSON.stringify(u.targetRequest) : null,
    Note: u.note,
    CollectiveJson: u.collective ? JSON.stringify(u.collective) : null,
    // Only to narrow queries by date: what counts is the time SharePoint stamped (Created).
    SubmittedAt: u.submittedAt,
  };
}

/**
 * An update as SharePoint asserts it: its author and time are the item's createdBy and Created, which no
 * caller can set, never the fields anyone with add rights can fill in.
 */
export function updateFromItem(item: ListItem): OwnerUpdate {
  const f = item.fields;
  return parsed(
    ownerUpdateSchema,
    {
      id: item.id,
      recommendationId: text(f, 'RecommendationId'),
      cycle: text(f, 'Cycle'),
      kind: f.Kind,
      author: item.createdBy,
      onBehalfOf: json(f, 'OnBehalfOfJson'),
      part: optionalText(f, 'Part'),
      achieved: text(f, 'Achieved'),
      remaining: text(f, 'Remaining'),
      barriers: text(f, 'Barriers'),
      mitigation: text(f, 'Mitigation'),
      proposesClosure: f.ProposesClosure === true,
      closureNarrative: text(f, 'ClosureNarrative'),
      closureCondition: optionalText(f, 'ClosureCondition'),
      evidence: json(f, 'EvidenceJson') ?? [],
      targetRequest: json(f, 'TargetRequestJson'),
      note: text(f, 'Note'),
      collective: json(f, 'CollectiveJson'),
      idempotencyKey: text(f, 'IdempotencyKey'),
      submittedAt: item.createdAt,
    },
    `Update ${item.id}`,
  );
}

/** Whether an item of the updates list names a delegate or ends a naming, rather than being an update. */
export const isDelegationItem = (item: ListItem): boolean => item.fields.Kind === 'delegation' || item.fields.Kind === 'delegationEnded';

export function delegationToFields(d: Pick<Delegation, 'recommendationId' | 'delegate' | 'ended'> & { idempotencyKey: string; at: string }): Fields {
  return {
    Title: `${d.ended ? 'Delegate ended' : 'Delegate'} for ${d.recommendationId}`,
    IdempotencyKey: d.idempotencyKey,
    RecommendationId: d.recommendationId,
    Kind: d.ended ? 'delegationEnded' : 'delegation',
    DelegateEmail: d.delegate.email.toLowerCase(),
    DelegateJson: JSON.stringify(d.delegate),
    SubmittedAt: d.at,
  };
}

/** A naming or ending as SharePoint asserts it: who wrote it is the item's author. */
export function delegationFromItem(item: ListItem): Delegation {
  const f = item.fields;
  return parsed(
    delegationSchema,
    {
      recommendationId: text(f, 'RecommendationId'),
      namedBy: item.createdBy,
      delegate: json(f, 'DelegateJson'),
      at: item.createdAt,
      ended: f.Kind === 'delegationEnded',
    },
    `Delegation ${item.id}`,
  );
}
