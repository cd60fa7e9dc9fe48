import {
  AlignmentType,
  Bookmark,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  PageBreak,
  PageReference,
  Paragraph,
  Table,
  TableCell,
  TextRun,
  type ParagraphChild,
} from 'docx';
import { cell, heading, para, table } from './docx-parts';
import {
  evidenceLabel,
  monthYearLabel,
  partStatusLabel,
  statusLabel,
  updateAttribution,
  priorityColour,
  updateQuestions,
  type PanelPaper,
  type Priority,
} from '../../domain';

/**
 * The panel paper as a Word document in the house template's order. §5's page numbers are PAGEREF fields to a
 * bookmark on each Appendix A item, so Word computes them (the document asks Word to update fields on open).
 */

const numbered = (n: number, text: string): Paragraph => para(`${n}. ${text}`);

const colourFill: Record<'RED' | 'AMBER' | 'GREEN', string> = { RED: 'F4CCCC', AMBER: 'FCE5CD', GREEN: 'D9EAD3' };
const count = (n: number): string => (n === 0 ? '-' : String(n));

function summaryTable(paper: PanelPaper): Table {
  const priorities: Priority[] = ['High', 'Medium', 'Low'];
  const coloured = (p: Priority, n: number, own: Priority): TableCell =>
    cell(p === own ? count(n) : '-', { shade: p === own ? colourFill[priorityColour[own]] : undefined });
  return table(
    [
      'Risk/Priority',
      'Total reported: RED High',
      'Total reported: AMBER Medium',
      'Total reported: GREEN Low',
      'Total running',
      'Proposed closed',
      'Not accepted proposed closed',
    ],
    [
      ...paper.summary.rows.map((r) => [
        r.priority,
        ...priorities.map((p) => coloured(p, r.totalReported, r.priority)),
        count(r.running),
        count(r.acceptedForPanel),
        count(r.notAccepted),
      ]),
      [
        'Total',
        ...priorities.map((p) => count(paper.summary.rows.find((r) => r.priority === p)?.totalReported ?? 0)),
        count(paper.summary.total.running),
        count(paper.summary.total.acceptedForPanel),
        count(paper.summary.total.notAccepted),
      ],
    ],
  );
}

function pageCell(bookmark: string): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new PageReference(bookmark)] })] });
}

function appendix(paper: PanelPaper): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [new Paragraph({ children: [new PageBreak()] }), heading('Appendix A: recommendation updates', HeadingLevel.HEADING_1)];
  for (const group of paper.appendix) {
    out.push(heading(group.heading), para(group.audit.opinion.asWritten));
    for (const item of group.items) {
      const r = item.recommendation;
      out.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_3,
          children: [new Bookmark({ id: item.bookmark, children: [new TextRun(`${r.reference} ${r.title}`)] })],
        }),
        para(`${r.priority} priority recommendation: ${r.text}`),
        para(`Management response: ${r.managementResponse || '—'}`),
        para(`Owners: ${r.owners.map((o) => o.name).join(', ') || 'not assigned'}. Original target: ${r.targets.original.text || '—'}.`),
        ...(item.repeatOf ? [para(`${item.repeatOf}.`)] : []),
        ...r.subParts.map((p) =>
          para(`${p.label}. ${p.text} Responsible: ${p.owners.map((o) => o.name).join(', ')}. Target: ${p.target.text || '—'}. ${partStatusLabel[p.status]}.`),
        ),
      );
      const u = item.update;
      if (!u) {
        out.push(para(`No update received for ${paper.meeting.cycle}.`));
        continue;
      }
      out.push(new Paragraph({ children: [new TextRun({ text: `UPDATE ${u.cycle}`, bold: true })] }));
      if (item.collectiveReferral) {
        out.push(para(item.collectiveReferral));
        if (u.proposesClosure)
          out.push(new Paragraph({ children: [new TextRun({ text: 'Is the recommendation proposed closed? Yes – proposed closed', italics: true })] }));
        continue;
      }
      if (u.onBehalfOf) out.push(para(`Update provided ${updateAttribution(u)}.`));
      if (u.note) out.push(para(u.note));
      const answers: [string, string][] = [
        [updateQuestions.achieved, u.achieved],
        [updateQuestions.remaining, u.remaining],
        [updateQuestions.barriers, u.barriers],
        [updateQuestions.mitigation, u.mitigation],
      ];
      for (const [question, answer] of answers) {
        if (!answer.trim()) continue;
        out.push(new Paragraph({ children: [new TextRun({ text: question, italics: true })] }), para(answer));
      }
      if (u.proposesClosure) {
        out.push(
          new Paragraph({ children: [new TextRun({ text: 'Is the recommendation proposed closed? Yes – proposed closed', italics: true })] }),
          para(u.closureNarrative),
        );
        if (u.closureCondition) out.push(para(`Subject to ${u.closureCondition}`));
        const links: ParagraphChild[] = u.evidence.flatMap((ref, index) => [
          ...(index > 0 ? [new TextRun('; ')] : []),
          ref.url
            ? new ExternalHyperlink({ link: ref.url, children: [new TextRun({ text: evidenceLabel(ref), style: 'Hyperlink' })] })
            : new TextRun(evidenceLabel(ref)),
        ]);
        out.push(new Paragraph({ children: [new TextRun('Evidence: '), ...links] }));
      }
      if (u.targetRequest) out.push(para(`New target date requested: ${u.targetRequest.target.text} – ${u.targetRequest.reason}`));
    }
  }
  return out;
}

export function panelPaperDocument(paper: PanelPaper): Document {
  const b = paper.boilerplate;
  const date = monthYearLabel(paper.meeting.date);
  let n = 0;
  const next = (): number => ++n;
  const body: (Paragraph | Table)[] = [
    new Paragraph({ text: paper.meeting.title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    table(
      ['', ''],
      [
        ['Report of', b.reportOf],
        ['Subject', b.subject],
        ['Date', `${paper.meeting.date} (${date})`],
        ['Author', b.author],
      ],
    ),
    heading('Brief background'),
    numbered(next(), b.background),
    heading('Purpose of report'),
    numbered(next(), b.purpose),
    numbered(
      next(),
      'The following table shows the number of running, proposed closed and not accepted recommendations by priority for this reporting period:',
    ),
    summaryTable(paper),
    numbered(
      next(),
      `Audit recommendations proposed closed: the following ${paper.acceptedForPanel.length} recommendation(s) are proposed closed. The page is the page of the item in Appendix A.`,
    ),
    table(
      ['Audit title', 'Priority', 'Section/recommendation reference', 'Proposed closed', 'Page'],
      paper.acceptedForPanel.map((p) => {
        const bookmark = paper.appendix.flatMap((g) => g.items).find((i) => i.recommendation.id === p.recommendationId)?.bookmark ?? '';
        return [p.auditTitle, p.priority, `${p.reference} ${p.title}`, p.condition ? `Yes, subject to ${p.condition}` : 'Yes', pageCell(bookmark)];
      }),
    ),
    ...(paper.awaitingCondition.length === 0
      ? []
      : [
          heading('Closures agreed subject to a condition, awaiting confirmation'),
          table(
            ['Audit title', 'Recommendation', 'Subject to'],
            paper.awaitingCondition.map((a) => [a.auditTitle, `${a.reference} ${a.title}`, a.condition ?? '—']),
          ),
        ]),
    ...(paper.withdrawals.length === 0
      ? []
      : [
          heading('Withdrawals for the panel to note'),
          table(
            ['Audit title', 'Recommendation', 'Proposed', 'Reason'],
            paper.withdrawals.map((w) => [w.auditTitle, `${w.reference} ${w.title}`, statusLabel[w.withdrawal], w.reason]),
          ),
        ]),
    ...(paper.reopened.length === 0
      ? []
      : [
          heading('Recommendations reopened since the last meeting'),
          table(
            ['Audit title', 'Recommendation', 'Why it was reopened'],
            paper.reopened.map((r) => [r.auditTitle, `${r.reference} ${r.title}`, r.reason]),
          ),
        ]),
    numbered(next(), 'Recommendations that have exceeded their original target date:'),
    table(
      ['Audit', 'Recommendation', 'Original target', 'Current target', 'Context'],
      paper.exceededTargets.map((e) => [e.auditTitle, `${e.reference} ${e.title}`, e.originalTarget, e.currentTarget, e.context]),
    ),
    heading('Target date extension requests for decision'),
    paper.extensionRequests.length === 0
      ? para('There are no extension requests this cycle.')
      : table(
          ['Audit', 'Recommendation', 'Current target', 'Requested target', 'Reason', 'Needs the panel'],
          paper.extensionRequests.map((e) => [
            e.auditTitle,
            `${e.reference} ${e.title}`,
            e.currentTarget,
            e.requestedTarget,
            e.reason,
            e.needsPanel ? 'Yes' : 'No',
          ]),
        ),
    numbered(next(), b.smartTargets),
    heading('Recommendation'),
    numbered(next(), b.recommendation),
    heading('Implications'),
    table(
      ['', ''],
      [
        ['Financial', b.implications.financial],
        ['Legal', b.implications.legal],
        ['Equality impact assessment', b.implications.equality],
        ['Risks and impact', b.implications.risks],
        ['Link to the plan', b.implications.plan],
      ],
    ),
    heading('Background papers'),
    para(b.backgroundPapers),
    heading('Contacts'),
    para(b.contacts),
    ...appendix(paper),
  ];
  return new Document({
    creator: 'Audit Tracker',
    title: `${paper.meeting.title}: ${b.subject}`,
    features: { updateFields: true },
    sections: [{ children: body }],
  });
}
