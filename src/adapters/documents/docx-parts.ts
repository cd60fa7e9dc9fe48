import { HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

/** The pieces every document the tracker writes is built from, so the paper and the decision list look alike. */

/** A cell of text; `width` in twentieths of a point, for a table laid out with fixed columns. */
export const cell = (text: string, options: { bold?: boolean; shade?: string; width?: number } = {}): TableCell =>
  new TableCell({
    children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: options.bold })] })),
    shading: options.shade ? { fill: options.shade, type: 'clear', color: 'auto' } : undefined,
    width: options.width === undefined ? undefined : { size: options.width, type: WidthType.DXA },
  });

const row = (cells: (string | TableCell)[], header = false): TableRow =>
  new TableRow({ tableHeader: header, children: cells.map((c) => (typeof c === 'string' ? cell(c, { bold: header }) : c)) });

export const table = (header: string[], rows: (string | TableCell)[][]): Table =>
  new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(header, true), ...rows.map((r) => row(r))] });

/** A table of label and value rows, with no header row: the paper's cover table and its implications. */
export const grid = (rows: (string | TableCell)[][]): Table =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((r) => row(r.map((c, i) => (i === 0 && typeof c === 'string' ? cell(c, { bold: true }) : c)))),
  });

export const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2): Paragraph =>
  new Paragraph({ text, heading: level });
export const para = (text: string): Paragraph => new Paragraph({ children: [new TextRun(text)] });
