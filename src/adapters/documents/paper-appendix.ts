import {
  Bookmark,
  ExternalHyperlink,
  HeadingLevel,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { cell, heading } from './docx-parts';
import {
  auditIssuedLabel,
  evidenceLabel,
  longDate,
  partStatusLabel,
  priorityColour,
  updateAttribution,
  updateQuestions,
  type AppendixEntry,
  type AppendixItem,
  type PanelPaper,
  type Priority,
} from '../../domain';

/**
 * Appendix A as the reference lays it out (its lines 385-1746): the priority legend, then one 4-column table,
 * Audit Title | Risk | Recommendation Reference | Business Owner – Action Plan Updates. The risk cell is shaded
 * by priority; the last cell is the item's record, its updates accumulating oldest first under dated labels.
 */

export const priorityFill: Record<'RED' | 'AMBER' | 'GREEN', string> = { RED: 'F4CCCC', AMBER: 'FCE5CD', GREEN: 'D9EAD3' };
const fillOf = (priority: Priority): string => priorityFill[priorityColour[priority]];

const bold = (text: string): TextRun => new TextRun({ text, bold: true });
const italic = (text: string): TextRun => new TextRun({ text, italics: true });
const line = (...children: ParagraphChild[]): Paragraph => new Paragraph({ children });

/**
 * An answer as its writer laid it out: each line its own paragraph, and "- ", "• " or "1. " lines as list items,
 * so multi-line answers keep their paragraphs and lists.
 */
export function answerParagraphs(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const bullet = /^(?:[-•*]|\d+[.)])\s+(.*)$/.exec(l);
      return bullet ? new Paragraph({ bullet: { level: 0 }, children: [new TextRun(bullet[1] ?? '')] }) : line(new TextRun(l));
    });
}

function legend(): Table {
  const shaded = (text: string, priority: Priority) => cell(text, { bold: true, shade: fillOf(priority) });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        children: [cell('RISK LEVEL', { bold: true }), shaded('HIGH PRIORITY', 'High'), shaded('MEDIUM PRIORITY', 'Medium'), shaded('LOW PRIORITY', 'Low')],
      }),
    ],
  });
}

function entryParagraphs(entry: AppendixEntry): Paragraph[] {
  const u = entry.update;
  const label = `UPDATE ${u.cycle}${u.part ? ` – part ${u.part}` : ''}${u.kind === 'coordinatorNote' ? ' – note from the audit team' : ''}`;
  const out: Paragraph[] = [line(bold(label), new TextRun(` (${updateAttribution(u)})`))];
  const proposed = line(italic('Is the recommendation proposed closed? Yes – proposed closed'));
  if (entry.collectiveReferral) return [...out, line(new TextRun(entry.collectiveReferral)), ...(u.proposesClosure ? [proposed] : [])];
  if (u.note) out.push(...answerParagraphs(u.note));
  for (const [question, answer] of [
    [updateQuestions.achieved, u.achieved],
    [updateQuestions.remaining, u.remaining],
    [updateQuestions.barriers, u.barriers],
    [updateQuestions.mitigation, u.mitigation],
  ] as const) {
    if (answer.trim()) out.push(line(italic(question)), ...answerParagraphs(answer));
  }
  if (u.proposesClosure) {
    out.push(proposed, ...answerParagraphs(u.closureNarrative));
    if (u.closureCondition) out.push(line(new TextRun(`Subject to ${u.closureCondition}`)));
    const links: ParagraphChild[] = u.evidence.flatMap((ref, index) => [
      ...(index > 0 ? [new TextRun('; ')] : []),
      ref.url
        ? new ExternalHyperlink({ link: ref.url, children: [new TextRun({ text: evidenceLabel(ref), style: 'Hyperlink' })] })
        : new TextRun(evidenceLabel(ref)),
    ]);
    if (links.length > 0) out.push(line(bold('Evidence: '), ...links));
  }
  if (u.targetRequest) out.push(line(new TextRun(`New target date requested: ${u.targetRequest.target.text} – ${u.targetRequest.reason}`)));
  return out;
}

/** The record cell: the recommendation once, who is responsible, the targets, parts, and the history. */
function recordCell(item: AppendixItem, cycle: string): TableCell {
  const r = item.recommendation;
  const targets: Paragraph[] = [
    line(bold('Original target: '), new TextRun(r.targets.original.text || '—'), ...(r.targets.revisions.length === 0 ? [italic(' (current)')] : [])),
    ...r.targets.revisions.map((rev, i) =>
      line(
        bold('Revised target: '),
        new TextRun(`${rev.target.text} – ${rev.reason} (approved by the ${rev.approvedBy}, ${longDate(rev.approvedOn)})`),
        ...(i === r.targets.revisions.length - 1 ? [italic(' (current)')] : []),
      ),
    ),
  ];
  const children: Paragraph[] = [
    line(bold(`${r.priority} Priority Recommendation: `), new TextRun(r.text)),
    line(bold('Management response: '), new TextRun(r.managementResponse || '—')),
    line(bold('Responsible: '), new TextRun(r.owners.map((o) => o.name).join(', ') || 'not assigned')),
    ...targets,
    ...r.subParts.map((p) =>
      line(
        bold(`Part ${p.label}: `),
        new TextRun(
          `${p.text} Responsible: ${p.owners.map((o) => o.name).join(', ') || 'not assigned'}. Target: ${p.target.text || '—'}. ${partStatusLabel[p.status]}.`,
        ),
      ),
    ),
    ...(r.closureCondition ? [line(bold('Condition: '), new TextRun(r.closureCondition))] : []),
    ...(item.repeatOf ? [line(italic(`${item.repeatOf}.`))] : []),
    ...item.history.flatMap(entryParagraphs),
    ...(item.update || item.proposedClosed ? [] : [line(italic(`No update received for ${cycle}.`))]),
    ...(item.proposedClosed ? [line(bold('PROPOSED CLOSED'))] : []),
  ];
  return new TableCell({ width: widthOf(3), children });
}

function auditCell(group: PanelPaper['appendix'][number]): TableCell {
  const a = group.audit;
  return new TableCell({
    width: widthOf(0),
    children: [
      line(bold(`${a.title.toUpperCase()}${a.qualifier ? ` ${a.qualifier}` : ''}`)),
      ...(a.opinion.asWritten ? [line(new TextRun(a.opinion.asWritten))] : []),
      line(new TextRun(auditIssuedLabel(a))),
    ],
  });
}

/** The four columns' widths in twentieths of a point, within an A4 page's margins; fixed, so every reader lays them alike. */
const columnWidths = [1900, 950, 1650, 4500];
const widthOf = (column: number) => ({ size: columnWidths[column] ?? 0, type: WidthType.DXA });

export function appendixA(paper: PanelPaper): (Paragraph | Table)[] {
  const header = new TableRow({
    tableHeader: true,
    children: ['Audit Title', 'Risk', 'Recommendation Reference', 'Business Owner – Action Plan Updates'].map((h, i) =>
      cell(h, { bold: true, width: columnWidths[i] }),
    ),
  });
  const rows = paper.appendix.flatMap((group) =>
    group.items.map(
      (item, index) =>
        new TableRow({
          children: [
            // The audit is named on its first row; the rows below it are the same audit, as the reference's blanks say.
            index === 0 ? auditCell(group) : cell('', { width: columnWidths[0] }),
            cell(item.recommendation.priority, { shade: fillOf(item.recommendation.priority), width: columnWidths[1] }),
            new TableCell({
              width: widthOf(2),
              children: [line(new Bookmark({ id: item.bookmark, children: [new TextRun(`${item.recommendation.reference} ${item.recommendation.title}`)] }))],
            }),
            recordCell(item, paper.meeting.cycle),
          ],
        }),
    ),
  );
  return [
    new Paragraph({ children: [new PageBreak()] }),
    heading('Appendix A: recommendation updates', HeadingLevel.HEADING_1),
    legend(),
    new Paragraph({}),
    new Table({
      width: { size: columnWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      columnWidths,
      rows: [header, ...rows],
    }),
  ];
}
