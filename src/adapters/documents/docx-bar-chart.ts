import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';

/**
 * A horizontal bar chart drawn in Word's own table cells: each bar is shaded cells whose widths are its
 * values, with the numbers written in them. It prints, converts and reads aloud like the rest of the
 * paper, with no picture to go stale or lose its figures.
 */

export interface BarSegment {
  value: number;
  /** Hex fill, as Word writes shading: "F4CCCC". */
  fill: string;
  /** What the segment's number is shown as; the number itself by default. */
  text?: string;
}

export interface Bar {
  label: string;
  segments: BarSegment[];
  /** Written after the bar: a total, a share. */
  note?: string;
}

// In twentieths of a point: the three columns fill an A4 page's text width.
const labelWidth = 2400;
const unitCount = 40;
const unitWidth = 130;
const noteWidth = 1600;

const none = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const noBorders = { top: none, bottom: none, left: none, right: none };

const textCell = (text: string, width: number, options: { span?: number; fill?: string; bold?: boolean; align?: 'left' | 'right' } = {}): TableCell =>
  new TableCell({
    columnSpan: options.span,
    width: { size: width, type: WidthType.DXA },
    borders: noBorders,
    shading: options.fill ? { fill: options.fill, type: 'clear', color: 'auto' } : undefined,
    children: [
      new Paragraph({
        alignment: options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: options.bold, size: 18 })],
      }),
    ],
  });

/**
 * The units each segment takes of the longest bar's width, rounded at the segments' edges so a bar is as long
 * as its total says. A non-zero value keeps at least one unit, so it stays visible.
 */
export function segmentUnits(values: readonly number[], longest: number, units = unitCount): number[] {
  if (longest <= 0) return values.map(() => 0);
  let cumulative = 0;
  let drawn = 0;
  const spans = values.map((value) => {
    cumulative += value;
    const span = Math.max(value > 0 ? 1 : 0, Math.round((cumulative / longest) * units) - drawn);
    drawn += span;
    return span;
  });
  // Many tiny segments could each take their one unit past the chart's edge: the widest gives them back.
  while (drawn > units) {
    const widest = spans.indexOf(Math.max(...spans));
    spans[widest] = (spans[widest] ?? 0) - 1;
    drawn--;
  }
  return spans;
}

export function barChart(bars: readonly Bar[], legend: readonly { name: string; fill: string }[] = []): (Table | Paragraph)[] {
  const longest = Math.max(0, ...bars.map((b) => b.segments.reduce((sum, s) => sum + s.value, 0)));
  const rows = bars.map((bar) => {
    const units = segmentUnits(
      bar.segments.map((s) => s.value),
      longest,
    );
    const used = units.reduce((sum, u) => sum + u, 0);
    const segments = bar.segments.flatMap((s, i) => {
      const span = units[i] ?? 0;
      return span > 0 ? [textCell(s.text ?? String(s.value), span * unitWidth, { span, fill: s.fill, align: 'right' })] : [];
    });
    const rest = unitCount - used;
    return new TableRow({
      cantSplit: true,
      children: [
        textCell(bar.label, labelWidth),
        ...segments,
        ...(rest > 0 ? [textCell('', rest * unitWidth, { span: rest })] : []),
        textCell(bar.note ?? '', noteWidth, { bold: true, align: 'right' }),
      ],
    });
  });
  const chart = new Table({
    layout: TableLayoutType.FIXED,
    columnWidths: [labelWidth, ...Array.from({ length: unitCount }, () => unitWidth), noteWidth],
    width: { size: labelWidth + unitCount * unitWidth + noteWidth, type: WidthType.DXA },
    borders: { ...noBorders, insideHorizontal: none, insideVertical: none },
    rows,
  });
  const key =
    legend.length > 0
      ? [
          new Paragraph({
            children: legend.flatMap((l, i) => [
              new TextRun({ text: `${i > 0 ? '   ' : ''}■ `, color: l.fill, size: 18 }),
              new TextRun({ text: l.name, size: 18 }),
            ]),
          }),
        ]
      : [];
  return [chart, ...key];
}
