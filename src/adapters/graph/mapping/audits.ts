import { selectOf } from '../list-schema';
import { auditKey, auditSchema, type Audit } from '../../../domain';
import { type Versioned } from '../../../application/ports';
import type { ListItem } from '../gateway/list-item';
import { type Fields, text, optionalText, parsed } from './fields';

export const auditSelect = selectOf('audits');

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
