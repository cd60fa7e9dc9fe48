import { AlignmentType, Document, HeadingLevel, Paragraph, TextRun } from 'docx';
import { longDate, type DecisionList } from '../../domain';
import { heading, para } from './docx-parts';

const letter = (index: number): string => String.fromCharCode(97 + index);

/**
 * A meeting's decision list in the style of the panel's minutes: a numbered heading per item, then "RESOLVED:
 * That:" and each clause lettered (a), (b) …, the last ending with a full stop.
 */
export function decisionListDocument(list: DecisionList): Document {
  const body: Paragraph[] = [
    new Paragraph({ text: `${list.meetingTitle}: decisions`, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    para(`Decisions of the meeting held on ${longDate(list.date)}, on the audit recommendations report.`),
    para(list.standing),
  ];
  if (list.resolutions.length === 0) body.push(para('No decisions were recorded at this meeting.'));
  list.resolutions.forEach((resolution, n) => {
    body.push(heading(`${n + 1}. ${resolution.heading}`), new Paragraph({ children: [new TextRun({ text: 'RESOLVED:', bold: true })] }), para('That:'));
    resolution.clauses.forEach((clause, i) => {
      const last = i === resolution.clauses.length - 1;
      body.push(
        new Paragraph({
          indent: { left: 720 },
          children: [new TextRun(`(${letter(i)}) ${clause.charAt(0).toUpperCase()}${clause.slice(1)}${last ? '.' : ';'}`)],
        }),
      );
    });
  });
  return new Document({ creator: 'Audit Tracker', title: `${list.meetingTitle}: decisions`, sections: [{ children: body }] });
}
