import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import type { DocxCell } from '../../domain';

/** What a Word table cell holds, paragraph by paragraph, as the domain reads it (see `appendixRegister`). */
export type DocxTable = DocxCell[][];

/**
 * The tables of a .docx, read from its document XML with a proper XML parser: each cell's paragraphs as text
 * (tabs and breaks kept as spaces and lines), with its embedded objects counted. Pictures and bookmarks carry no
 * text, so they drop out; a table inside a cell is read as that cell's paragraphs.
 */
export async function docxTables(bytes: Uint8Array): Promise<DocxTable[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (xml === undefined) throw new Error('The file has no document body: it is not a Word document');
  const tables: DocxTable[] = [];
  const stack: { rows: DocxTable; row?: DocxCell[]; cell?: DocxCell }[] = [];
  let paragraph: string | undefined;
  let inText = false;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const top = stack.at(-1);
    switch (tag.name) {
      case 'w:tbl':
        // A table nested in a cell belongs to that cell: its paragraphs are the cell's.
        if (!top?.cell) stack.push({ rows: [] });
        else stack.push({ rows: [], cell: top.cell });
        break;
      case 'w:tr':
        if (top && stack.length === 1) top.row = [];
        break;
      case 'w:tc':
        if (top && stack.length === 1) top.cell = { paragraphs: [], embedded: 0 };
        break;
      case 'w:p':
        paragraph = '';
        break;
      case 'w:t':
        inText = true;
        break;
      case 'w:tab':
        if (paragraph !== undefined) paragraph += ' ';
        break;
      case 'w:br':
      case 'w:cr':
        if (paragraph !== undefined) paragraph += '\n';
        break;
      case 'w:object':
        if (top?.cell) top.cell.embedded += 1;
        break;
    }
  });
  parser.on('text', (text) => {
    if (inText && paragraph !== undefined) paragraph += text;
  });
  parser.on('closetag', (tag) => {
    const top = stack.at(-1);
    switch (tag.name) {
      case 'w:t':
        inText = false;
        break;
      case 'w:p':
        if (top?.cell && paragraph !== undefined) top.cell.paragraphs.push(paragraph);
        paragraph = undefined;
        break;
      case 'w:tc':
        if (top && stack.length === 1 && top.cell) top.row?.push(top.cell);
        if (stack.length === 1 && top) top.cell = undefined;
        break;
      case 'w:tr':
        if (top && stack.length === 1 && top.row) top.rows.push(top.row);
        break;
      case 'w:tbl': {
        const done = stack.pop();
        if (done && stack.length === 0) tables.push(done.rows);
        break;
      }
    }
  });
  parser.write(xml).close();
  return tables;
}
