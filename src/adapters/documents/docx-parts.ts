import { HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

/** The pieces every document the tracker writes is built from, so the paper and the decision list look alike. */

export const cell = (text: string, options: { bold?: boolean; shade?: string } = {}): TableCell =>
  new TableCell({
    children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: options.bold })] })),
    shading: options.shade ? { fill: options.shade, type: 'clear', color: 'auto' } : undefined,
  });

const row = (cells: (string | TableCell)[], header = false): TableRow =>
  new TableRow({ tableHeader: header, children: cells.map((c) => (typeof c === 'string' ? cell(c, { bold: header }) : c)) });

export const table = (header: string[], rows: (string | TableCell)[][]): Table =>
  new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(header, true), ...rows.map((r) => row(r))] });

export const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2): Paragraph =>
  new Paragraph({ text, heading: level });
export const para = (text: string): Paragraph => new Paragraph({ children: [new TextRun(text)] });
