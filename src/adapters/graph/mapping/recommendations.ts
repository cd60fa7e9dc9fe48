import { selectOf } from '../list-schema';
import { currentTarget, maxPartOwners, normaliseReference, partOwnerEmails, recommendationSchema, type Recommendation } from '../../../domain';
import { type Versioned } from '../../../application/ports';
import type { ListItem } from '../gateway/list-item';
import { type Fields, text, optionalText, json, dateOnly, asDateTime, parsed } from './fields';

export const recommendationSelect = selectOf('recommendations');

/** The indexed columns holding each part owner's email, so a part owner's items are one query. */
export const partOwnerColumns = Array.from({ length: maxPartOwners }, (_, i) => `PartOwner${i + 1}`);

export const recommendationKey = (auditId: string, reference: string): string => `${auditId}|${normaliseReference(reference)}`;

export function recommendationToFields(r: Omit<Recommendation, 'id'>): Fields {
  const owners = r.owners.map((o) => o.email.toLowerCase());
  const partOwners = partOwnerEmails(r);
  return {
    Title: r.title,
    RecKey: recommendationKey(r.auditId, r.reference),
    AuditId: r.auditId,
    Reference: r.reference,
    Priority: r.priority,
    Status: r.status,
    StatusChangedAt: r.statusChangedAt ?? null,
    StatusReason: r.statusReason ?? null,
    Withdrawal: r.withdrawal ?? null,
    Body: r.text,
    ManagementResponse: r.managementResponse,
    Owner1: owners[0] ?? null,
    Owner2: owners[1] ?? null,
    Owner3: owners[2] ?? null,
    OwnersJson: JSON.stringify(r.owners),
    Delegate1: r.delegates?.[0]?.email.toLowerCase() ?? null,
    Delegate2: r.delegates?.[1]?.email.toLowerCase() ?? null,
    DelegatesJson: r.delegates?.length ? JSON.stringify(r.delegates) : null,
    FormerOwnersJson: r.formerOwners?.length ? JSON.stringify(r.formerOwners) : null,
    SubPartsJson: JSON.stringify(r.subParts),
    ...Object.fromEntries(partOwnerColumns.map((column, i) => [column, partOwners[i] ?? null])),
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
      delegates: json(f, 'DelegatesJson'),
      formerOwners: json(f, 'FormerOwnersJson'),
      subParts: json(f, 'SubPartsJson') ?? [],
      repeatOf: optionalText(f, 'RepeatOf'),
      targets: json(f, 'TargetsJson'),
      status: f.Status,
      withdrawal: optionalText(f, 'Withdrawal'),
      closureCondition: optionalText(f, 'ClosureCondition'),
      statusReason: optionalText(f, 'StatusReason'),
      statusChangedAt: optionalText(f, 'StatusChangedAt'),
      updatedOn: dateOnly(f, 'Modified'),
    },
    `Recommendation ${item.id}`,
  );
  return { value, etag: item.etag };
}
