import ExcelJS from 'exceljs';
import {
  auditHeading,
  currentTarget,
  effectiveStatus,
  templateColumns,
  templateStatusWords,
  type Audit,
  type OwnerUpdate,
  type Recommendation,
} from '../../domain';

/** A cell a spreadsheet would run as a formula is written as text, so exported data cannot execute. */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function registerRows(audits: readonly Audit[], recommendations: readonly Recommendation[], updates: readonly OwnerUpdate[]): string[][] {
  const byId = new Map(audits.map((a) => [a.id, a]));
  return recommendations.flatMap((r) => {
    const audit = byId.get(r.auditId);
    if (!audit) return [];
    const own = updates.filter((u) => u.recommendationId === r.id);
    const latest = [...own].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt)).at(-1);
    return [
      [
        auditHeading(audit),
        `${audit.issuedYear}-${String(audit.issuedMonth).padStart(2, '0')}`,
        audit.opinion.asWritten,
        r.reference,
        r.title,
        r.priority,
        r.text,
        r.managementResponse,
        r.owners.map((o) => o.name).join('; '),
        r.owners.map((o) => o.email).join('; '),
        r.targets.original.text,
        currentTarget(r.targets).text,
        // The status the screen shows, in the template's words: an owner's pending proposal is Implemented (awaiting review).
        templateStatusWords[effectiveStatus(r, own)],
        latest ? `UPDATE ${latest.cycle}: ${latest.note || latest.achieved}` : '',
        audit.auditor,
      ].map(neutralise),
    ];
  });
}

/** The register as .xlsx in the import template, one row per recommendation. */
export async function registerWorkbook(rows: string[][]): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Audit Tracker';
  const sheet = workbook.addWorksheet('Register', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...templateColumns]).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column) => {
    column.width = 22;
  });
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}
