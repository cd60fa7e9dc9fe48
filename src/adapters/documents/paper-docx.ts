import { AlignmentType, Document, Footer, Header, HeadingLevel, PageNumber, PageReference, Paragraph, Table, TableCell, TextRun } from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { barChart } from './docx-bar-chart';
import { cell, grid, heading, para, table } from './docx-parts';
import { appendixA, priorityFill } from './paper-appendix';
import { defaultPaperSettings, longDate, priorityColour, statusLabel, type ExceededTarget, type PanelPaper, type Priority } from '../../domain';

/**
 * The panel paper as a Word document in the house template's order and numbering. §5's page numbers are PAGEREF
 * fields to a bookmark on each Appendix A item, written with docx's estimate of the page so Word for the web shows
 * them too; desktop Word recomputes them on open.
 */

const numbered = (n: number, text: string): Paragraph => para(`${n}. ${text}`);

const count = (n: number): string => (n === 0 ? '-' : String(n));

function summaryTable(paper: PanelPaper): Table {
  const priorities: Priority[] = ['High', 'Medium', 'Low'];
  const coloured = (p: Priority, n: number, own: Priority): TableCell =>
    cell(p === own ? count(n) : '-', { shade: p === own ? priorityFill[priorityColour[own]] : undefined });
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

/** §6 as the reference groups it: a header row per audit ("FLEET MANAGEMENT – September 2018"), its items below. */
function exceededTable(rows: readonly ExceededTarget[]): Table {
  const grouped: (string | TableCell)[][] = [];
  rows.forEach((e, i) => {
    if (e.auditHeading !== rows[i - 1]?.auditHeading)
      grouped.push([new TableCell({ columnSpan: 4, children: [new Paragraph({ children: [new TextRun({ text: e.auditHeading, bold: true })] })] })]);
    grouped.push([`${e.reference} ${e.title}`, e.originalTarget, e.currentTarget, e.context]);
  });
  return table(['', 'Original target', 'Current target', 'Context'], grouped);
}

/** The sections the house template has no number for, each only when it has something to say. */
function extraSections(paper: PanelPaper): (Paragraph | Table)[] {
  const section = (title: string, show: boolean, content: () => Table): (Paragraph | Table)[] => (show ? [heading(title), content()] : []);
  return [
    ...section('Closures agreed subject to a condition, awaiting confirmation', paper.awaitingCondition.length > 0, () =>
      table(
        ['Audit title', 'Recommendation', 'Subject to'],
        paper.awaitingCondition.map((a) => [a.auditTitle, `${a.reference} ${a.title}`, a.condition ?? '—']),
      ),
    ),
    ...section('Withdrawals for the panel to note', paper.withdrawals.length > 0, () =>
      table(
        ['Audit title', 'Recommendation', 'Proposed', 'Reason'],
        paper.withdrawals.map((w) => [w.auditTitle, `${w.reference} ${w.title}`, statusLabel[w.withdrawal], w.reason]),
      ),
    ),
    ...section('Withdrawn, not adopted, risk accepted or superseded since the last meeting', paper.withdrawnSinceLastMeeting.length > 0, () =>
      table(
        ['Audit title', 'Recommendation', 'Now', 'Reason'],
        paper.withdrawnSinceLastMeeting.map((w) => [w.auditTitle, `${w.reference} ${w.title}`, statusLabel[w.withdrawal], w.reason]),
      ),
    ),
    ...section('Recommendations reopened since the last meeting', paper.reopened.length > 0, () =>
      table(
        ['Audit title', 'Recommendation', 'Why it was reopened'],
        paper.reopened.map((r) => [r.auditTitle, `${r.reference} ${r.title}`, r.reason]),
      ),
    ),
    ...section("The panel's actions from earlier meetings", paper.actions.length > 0, () =>
      table(
        ['Raised at', 'Action', 'Who', 'Due at'],
        paper.actions.map((a) => [
          a.raisedAt ? `${a.raisedAt.title} (${a.raisedAt.date})` : '—',
          a.action.text,
          a.action.who,
          `${a.dueAt ? `${a.dueAt.title} (${a.dueAt.date})` : 'Not set'}${a.dueNow ? ' – due now' : ''}`,
        ]),
      ),
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
  ];
}

/** The organisation and protective marking on every page, with the page number in the footer. */
/** The coordinator's dashboard on the first page, when the meeting asks for it: the same figures, as tables. */
// Mid tones, so the black figures written on them stay readable in print and in greyscale.
const progressFill = { overdue: 'E06666', notYetDue: 'F6B26B', implemented: '93C47D' } as const;
const plainFill = '9FC5E8';
const share = (part: number, whole: number): string => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—');

/** The coordinator's dashboard figures as the register stood on the meeting's day, drawn as bar charts. */
function programmeSection(paper: PanelPaper): (Paragraph | Table)[] {
  const p = paper.programme;
  if (!p) return [];
  const received = p.updates.due > 0 ? ` (${share(p.updates.received, p.updates.due)})` : '';
  return [
    heading('The programme at a glance'),
    para(`Updates for ${p.updates.cycle ?? 'this cycle'}: ${p.updates.received} of ${p.updates.due} received${received}.`),
    para('Open recommendations by priority and progress:'),
    ...barChart(
      p.openByPriority.map((r) => ({
        label: r.priority,
        segments: [
          { value: r.overdue, fill: progressFill.overdue },
          { value: r.notYetDue, fill: progressFill.notYetDue },
          { value: r.implemented, fill: progressFill.implemented },
        ],
        note: `${r.open} open`,
      })),
      [
        { name: 'Overdue', fill: progressFill.overdue },
        { name: 'Not yet due', fill: progressFill.notYetDue },
        { name: 'Implemented', fill: progressFill.implemented },
      ],
    ),
    ...(p.overdueByAudit.length > 0
      ? [
          para('Overdue recommendations by audit:'),
          ...barChart(p.overdueByAudit.map((a) => ({ label: a.audit, segments: [{ value: a.count, fill: progressFill.overdue }] }))),
        ]
      : []),
    ...(p.onTimeTrend.length > 0
      ? [
          para('Completed by the original target, at each meeting (of those whose original target had fallen due):'),
          ...barChart(
            p.onTimeTrend.map((t) => ({
              label: longDate(t.date),
              segments: [
                { value: t.onTime, fill: progressFill.implemented, text: '' },
                { value: t.due - t.onTime, fill: 'D9D9D9', text: '' },
              ],
              note: `${t.onTime} of ${t.due} (${share(t.onTime, t.due)})`,
            })),
            [
              { name: 'Completed on time', fill: progressFill.implemented },
              { name: 'Not completed by the original target', fill: 'D9D9D9' },
            ],
          ),
        ]
      : []),
    para('Recommendations by number of target revisions:'),
    ...barChart(
      p.revisions.map((r) => ({ label: r.revisions === '1' ? '1 revision' : `${r.revisions} revisions`, segments: [{ value: r.count, fill: plainFill }] })),
    ),
  ];
}

function pageFrame(paper: PanelPaper): { headers?: { default: Header }; footers: { default: Footer } } {
  const marking = (paper.meeting.paperSettings ?? defaultPaperSettings).protectiveMarking;
  const markingLine = marking ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: marking, bold: true })] })] : [];
  const organisation = paper.boilerplate.organisation;
  return {
    // An empty header is left out: docx's page estimator cannot read one.
    ...(marking ? { headers: { default: new Header({ children: markingLine }) } } : {}),
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun(`${organisation ? `${organisation} – ` : ''}Page `),
              new TextRun({ children: [PageNumber.CURRENT] }),
              new TextRun(' of '),
              new TextRun({ children: [PageNumber.TOTAL_PAGES] }),
            ],
          }),
          ...markingLine,
        ],
      }),
    },
  };
}

/**
 * Papers whose Appendix A holds up to this many characters are written with their page numbers worked out. Laying
 * the pages out as Word does costs about 20 ms an item: this is about 100 items, written in about 3 s.
 */
export const maxEstimatedText = 80_000;

const appendixTextLength = (paper: PanelPaper): number =>
  paper.appendix
    .flatMap((g) => g.items)
    .reduce(
      (n, { recommendation: r, history }) =>
        n +
        r.text.length +
        r.managementResponse.length +
        history.reduce(
          (m, { update: u }) =>
            m + u.note.length + u.achieved.length + u.remaining.length + u.barriers.length + u.mitigation.length + u.closureNarrative.length,
          0,
        ),
      0,
    );

export function panelPaperDocument(paper: PanelPaper): Document {
  const b = paper.boilerplate;
  const bookmarks = new Map(paper.appendix.flatMap((g) => g.items).map((i) => [i.recommendation.id, i.bookmark]));
  const body: (Paragraph | Table)[] = [
    new Paragraph({ text: paper.meeting.title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    grid([
      ['Report of', b.reportOf],
      ['Subject', b.subject],
      ['Date', longDate(paper.meeting.date)],
      ['Author', b.author],
    ]),
    ...programmeSection(paper),
    heading('Brief background'),
    numbered(1, b.background),
    heading('Purpose of report'),
    numbered(2, b.purpose),
    numbered(3, b.grading),
    numbered(
      4,
      'The following table shows the number of outstanding and progressing, and completed and proposed closed, high, medium and low priority recommendations for this reporting period:',
    ),
    summaryTable(paper),
    numbered(
      5,
      `Audit recommendations proposed closed: the following ${paper.acceptedForPanel.length} audit report recommendation(s) are proposed closed. The table also shows each report title, the recommendation reference and the page in this report.`,
    ),
    table(
      ['Audit title', 'Priority', 'Section/recommendation reference', 'Proposed closed', 'Page'],
      paper.acceptedForPanel.map((p) => {
        const bookmark = bookmarks.get(p.recommendationId) ?? '';
        return [p.auditTitle, p.priority, `${p.reference} ${p.title}`, p.condition ? `Yes, subject to ${p.condition}` : 'Yes', pageCell(bookmark)];
      }),
    ),
    numbered(6, 'Recommendations that have exceeded their original audit report target dates:'),
    exceededTable(paper.exceededTargets),
    ...extraSections(paper),
    numbered(7, b.smartTargets),
    heading('8. Recommendation'),
    para(b.recommendation),
    heading('Implications'),
    grid([
      ['Financial', b.implications.financial],
      ['Legal', b.implications.legal],
      ['Equality impact assessment', b.implications.equality],
      ['Risks and impact', b.implications.risks],
      ['Link to the plan', b.implications.plan],
    ]),
    heading('Background papers'),
    para(b.backgroundPapers),
    heading('Contacts'),
    para(b.contacts),
    ...appendixA(paper),
  ];
  return new Document({
    creator: 'Audit Tracker',
    title: `${paper.meeting.title}: ${b.subject}`,
    features: { updateFields: true },
    // Laying the pages out as Word does costs time in proportion to the text: worth it for a paper a committee reads,
    // not for an export of thousands of items, whose page numbers desktop Word fills in on open (updateFields).
    ...(appendixTextLength(paper) <= maxEstimatedText ? { pageNumbers: estimatePageNumbers } : {}),
    sections: [{ ...pageFrame(paper), children: body }],
  });
}
