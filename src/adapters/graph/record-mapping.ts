import { z } from 'zod';
import {
  auditKey,
  auditSchema,
  meetingSchema,
  currentTarget,
  normaliseReference,
  ownerUpdateSchema,
  recommendationSchema,
  type Audit,
  type Meeting,
  type OwnerUpdate,
  type Recommendation,
} from '../../domain';
import { InvalidRecordError, type DecisionRecord, type Versioned } from '../../application/ports';
import type { ListItem } from './list-gateway';

/**
 * Typed mapping between list items and domain records. What comes back from the store is parsed with the
 * domain's schemas: a record that does not fit is reported, never half-used.
 */

type Fields = Record<string, unknown>;

const text = (fields: Fields, name: string): string => (typeof fields[name] === 'string' ? (fields[name] as string) : '');
const optionalText = (fields: Fields, name: string): string | undefined => text(fields, name) || undefined;

function json(fields: Fields, name: string): unknown {
  const raw = text(fields, name);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return { invalidJson: name };
  }
}

const dateOnly = (fields: Fields, name: string): string | undefined => optionalText(fields, name)?.slice(0, 10);
const asDateTime = (isoDate: string | undefined): string | null => (isoDate ? `${isoDate}T00:00:00Z` : null);

function parsed<T>(schema: z.ZodType<T>, value: unknown, record: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InvalidRecordError(record, result.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`));
  }
  return result.data;
}

// Audits

export const auditSelect = ['Title', 'AuditKey', 'Qualifier', 'IssuedYear', 'IssuedMonth', 'Auditor', 'OpinionText', 'OpinionLevel'] as const;

export function auditToFields(audit: Omit<Audit, 'id'>): Fields {
  return {
    Title: audit.title,
    AuditKey: auditKey(audit),
    Qualifier: audit.qualifier ?? null,
    IssuedYear: audit.issuedYear,
    IssuedMonth: audit.issuedMonth,
    Auditor: audit.auditor,
    OpinionText: audit.opinion.asWritten,
    OpinionLevel: audit.opinion.level ?? null,
  };
}

export function auditFromItem(item: ListItem): Versioned<Audit> {
  const f = item.fields;
  const value = parsed(
    auditSchema,
    {
      id: item.id,
      title: text(f, 'Title'),
      qualifier: optionalText(f, 'Qualifier'),
      issuedYear: f.IssuedYear,
      issuedMonth: f.IssuedMonth,
      auditor: text(f, 'Auditor'),
      opinion: { asWritten: text(f, 'OpinionText'), level: optionalText(f, 'OpinionLevel') },
    },
    `Audit ${item.id}`,
  );
  return { value, etag: item.etag };
}

// Recommendations

export const recommendationSelect = [
  'Title', 'RecKey', 'AuditId', 'Reference', 'Priority', 'Status', 'StatusChangedAt', 'StatusReason', 'Body',
  'ManagementResponse', 'Owner1', 'Owner2', 'Owner3', 'OwnersJson', 'SubPartsJson', 'RepeatOf', 'TargetsJson',
  'CurrentDue', 'ClosureCondition',
] as const;

export const recommendationKey = (auditId: string, reference: string): string => `${auditId}|${normaliseReference(reference)}`;

export function recommendationToFields(r: Omit<Recommendation, 'id'>): Fields {
  const owners = r.owners.map((o) => o.email.toLowerCase());
  return {
    Title: r.title,
    RecKey: recommendationKey(r.auditId, r.reference),
    AuditId: r.auditId,
    Reference: r.reference,
    Priority: r.priority,
    Status: r.status,
    StatusChangedAt: r.statusChangedAt ?? null,
    StatusReason: r.statusReason ?? null,
    Body: r.text,
    ManagementResponse: r.managementResponse,
    Owner1: owners[0] ?? null,
    Owner2: owners[1] ?? null,
    Owner3: owners[2] ?? null,
    OwnersJson: JSON.stringify(r.owners),
    SubPartsJson: JSON.stringify(r.subParts),
    RepeatOf: r.repeatOf ?? null,
    TargetsJson: JSON.stringify(r.targets),
    CurrentDue: asDateTime(currentTarget(r.targets).due),
    ClosureCondition: r.closureCondition ?? null,
  };
}

export function recommendationFromItem(item: ListItem): Versioned<Recommendation> {
  const f = item.fields;
  const reference = text(f, 'Reference');
  const value = parsed(
    recommendationSchema,
    {
      id: item.id,
      auditId: text(f, 'AuditId'),
      reference,
      referenceKey: normaliseReference(reference),
      title: text(f, 'Title'),
      priority: f.Priority,
      text: text(f, 'Body'),
      managementResponse: text(f, 'ManagementResponse'),
      owners: json(f, 'OwnersJson') ?? [],
      subParts: json(f, 'SubPartsJson') ?? [],
      repeatOf: optionalText(f, 'RepeatOf'),
      targets: json(f, 'TargetsJson'),
      status: f.Status,
      closureCondition: optionalText(f, 'ClosureCondition'),
      statusReason: optionalText(f, 'StatusReason'),
      statusChangedAt: optionalText(f, 'StatusChangedAt'),
      updatedOn: dateOnly(f, 'Modified'),
    },
    `Recommendation ${item.id}`,
  );
  return { value, etag: item.etag };
}

// Owner updates

export const updateSelect = [
  'IdempotencyKey', 'RecommendationId', 'Cycle', 'Kind', 'AuthorEmail', 'AuthorName', 'OnBehalfOfJson', 'Achieved',
  'Remaining', 'Barriers', 'Mitigation', 'ProposesClosure', 'ClosureNarrative', 'EvidenceJson', 'TargetRequestJson',
  'Note', 'SubmittedAt',
] as const;

export function updateToFields(u: Omit<OwnerUpdate, 'id'>): Fields {
  return {
    Title: `${u.cycle} update`,
    IdempotencyKey: u.idempotencyKey,
    RecommendationId: u.recommendationId,
    Cycle: u.cycle,
    Kind: u.kind,
    AuthorEmail: u.author.email,
    AuthorName: u.author.name,
    OnBehalfOfJson: u.onBehalfOf ? JSON.stringify(u.onBehalfOf) : null,
    Achieved: u.achieved,
    Remaining: u.remaining,
    Barriers: u.barriers,
    Mitigation: u.mitigation,
    ProposesClosure: u.proposesClosure,
    ClosureNarrative: u.closureNarrative,
    EvidenceJson: JSON.stringify(u.evidence),
    TargetRequestJson: u.targetRequest ? JSON.stringify(u.targetRequest) : null,
    Note: u.note,
    SubmittedAt: u.submittedAt,
  };
}

export function updateFromItem(item: ListItem): OwnerUpdate {
  const f = item.fields;
  return parsed(
    ownerUpdateSchema,
    {
      id: item.id,
      recommendationId: text(f, 'RecommendationId'),
      cycle: text(f, 'Cycle'),
      kind: f.Kind,
      author: { email: text(f, 'AuthorEmail'), name: text(f, 'AuthorName') },
      onBehalfOf: json(f, 'OnBehalfOfJson'),
      achieved: text(f, 'Achieved'),
      remaining: text(f, 'Remaining'),
      barriers: text(f, 'Barriers'),
      mitigation: text(f, 'Mitigation'),
      proposesClosure: f.ProposesClosure === true,
      closureNarrative: text(f, 'ClosureNarrative'),
      evidence: json(f, 'EvidenceJson') ?? [],
      targetRequest: json(f, 'TargetRequestJson'),
      note: text(f, 'Note'),
      idempotencyKey: text(f, 'IdempotencyKey'),
      submittedAt: text(f, 'SubmittedAt'),
    },
    `Update ${item.id}`,
  );
}

// Meetings

export const meetingSelect = ['Title', 'MeetingDate', 'UpdateDeadline', 'Cycle', 'BoilerplateJson'] as const;

export function meetingToFields(m: Omit<Meeting, 'id'>): Fields {
  return {
    Title: m.title,
    MeetingDate: `${m.date}T10:00:00Z`,
    UpdateDeadline: `${m.updateDeadline}T17:00:00Z`,
    Cycle: m.cycle,
    BoilerplateJson: m.boilerplate ? JSON.stringify(m.boilerplate) : null,
  };
}

export function meetingFromItem(item: ListItem): Meeting {
  const f = item.fields;
  return parsed(
    meetingSchema,
    {
      id: item.id,
      title: text(f, 'Title'),
      date: dateOnly(f, 'MeetingDate'),
      updateDeadline: dateOnly(f, 'UpdateDeadline'),
      cycle: text(f, 'Cycle'),
      boilerplate: json(f, 'BoilerplateJson'),
    },
    `Meeting ${item.id}`,
  );
}

// The audit trail

export const decisionSelect = ['IdempotencyKey', 'RecommendationId', 'MeetingId', 'Kind', 'ActorEmail', 'At', 'DetailJson'] as const;

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
