import { monthYearLabel } from './calendar';
import { z } from 'zod';
import { opinionSchema } from './opinion';

export const auditSchema = z.object({
  id: z.string().min(1),
  title: z.string().trim().min(1, 'An audit needs a title').max(255),
  /** As written after the title, e.g. "(Revisit Audit)". */
  qualifier: z.string().trim().optional(),
  issuedYear: z
    .number({ message: 'Enter the year the report was issued' })
    .int('Enter the year as four digits, e.g. 2025')
    .min(1990, 'Enter a year from 1990 on')
    .max(2100, 'Enter a year before 2100'),
  issuedMonth: z.number().int().min(1, 'Choose the month the report was issued').max(12, 'Choose the month the report was issued'),
  auditor: z.string().trim().min(1, 'Name the auditor, e.g. the internal audit firm'),
  opinion: opinionSchema,
});
export type Audit = z.infer<typeof auditSchema>;

/** Orders audits oldest first, as Appendix A lists them. */
export function compareAuditsOldestFirst(a: Audit, b: Audit): number {
  return a.issuedYear - b.issuedYear || a.issuedMonth - b.issuedMonth || a.title.localeCompare(b.title);
}

/**
 * What identifies an audit across imports: its title and qualifier, folded, and its issue month. Letters of
 * every script are kept (Welsh, Polish, Arabic titles differ by them); only case, punctuation and spacing fold.
 */
export function auditKey(audit: Pick<Audit, 'title' | 'qualifier' | 'issuedYear' | 'issuedMonth'>): string {
  const name = `${audit.title} ${audit.qualifier ?? ''}`
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return `${name}|${audit.issuedYear}-${String(audit.issuedMonth).padStart(2, '0')}`;
}

/** When the report was issued, as the paper writes it: "September 2018". */
export const auditIssuedLabel = (audit: Pick<Audit, 'issuedYear' | 'issuedMonth'>): string =>
  monthYearLabel(`${audit.issuedYear}-${String(audit.issuedMonth).padStart(2, '0')}-01`);

export function auditHeading(audit: Audit): string {
  return audit.qualifier ? `${audit.title} ${audit.qualifier}` : audit.title;
}
