import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { appendixRegister, isAppendixTable, type AppendixPart } from '../../domain';
import { docxTables } from './docx-tables';

/** The one clear message a file that cannot be read at all gets; nothing is written. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/** A register file read into rows of text, header first, with what the coordinator should know about how. */
export interface RegisterTable {
  rows: string[][];
  /** How the file was read where it was not plain (its encoding, formulas with no saved value). */
  notices: string[];
  /** What one row needs checking for, by its index in `rows` (the header is 0): the rest of the file is read as usual. */
  rowFindings?: { rowIndex: number; message: string }[];
  /** A workbook's Updates sheet (several dated updates per item, one per row), header first. */
  updateRows?: string[][];
  /** Rows whose cells embed documents (a Word paper's Appendix A), by index in `rows`. */
  embedded?: { rowIndex: number; count: number }[];
  /** Rows in parts (a, b, ...) with their own people, targets and updates (a Word paper's Appendix A), by index in `rows`. */
  parts?: { rowIndex: number; parts: AppendixPart[] }[];
}

async function readDocx(name: string, bytes: Uint8Array): Promise<RegisterTable> {
  await checkUnpackedSize(name, bytes);
  let tables: Awaited<ReturnType<typeof docxTables>>;
  try {
    tables = await docxTables(bytes);
  } catch {
    throw new ImportFileError(`${name} is damaged and cannot be opened as a Word document. Save it again from Word and retry.`);
  }
  const appendix = tables.find(isAppendixTable);
  if (!appendix) {
    throw new ImportFileError(
      `${name} has no Appendix A table: a table headed Audit Title | Risk | Recommendation Reference | Business Owner – Action Plan Updates.`,
    );
  }
  const { table, embedded, parts } = appendixRegister(appendix);
  if (table.length > maxImportRows + 1) throw tooManyRows(name, table.length);
  return {
    rows: table,
    notices: [
      `Read from the Appendix A table of ${name}: ${table.length - 1} recommendation(s). People are named without emails: check each owner in the preview.`,
    ],
    embedded,
    parts,
  };
}

export const maxImportBytes = 10 * 1024 * 1024;
/** A workbook unpacks to many times its size; beyond this it is a zip bomb, or not a register. */
export const maxUnpackedBytes = 64 * 1024 * 1024;
/** A register has hundreds of rows; tens of thousands are a mistake (a whole export), and would take minutes. */
export const maxImportRows = 5_000;

/** JSZip's chunked reader: public at runtime in the browser and Node, missing from its type declarations. */
interface ChunkStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): ChunkStream;
  on(event: 'error' | 'end', listener: () => void): ChunkStream;
  pause(): ChunkStream;
  resume(): ChunkStream;
}
const chunksOf = (entry: JSZip.JSZipObject): ChunkStream =>
  (entry as unknown as { internalStream(type: 'uint8array'): ChunkStream }).internalStream('uint8array');

const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b;

const tooManyRows = (name: string, count: number, limit = maxImportRows): ImportFileError =>
  new ImportFileError(
    `${name} has ${count.toLocaleString('en-GB')} rows; it can have at most ${limit.toLocaleString('en-GB')}. Split it, or remove the rows that are not recommendations.`,
  );

/** An Updates sheet holds a row per update: a few for each recommendation. */
const maxUpdateRows = maxImportRows * 10;

/**
 * Unpacks every part of the workbook once, counting as it goes, and stops at the limit: a small file that
 * unpacks to gigabytes is refused before the spreadsheet library holds any of it.
 */
async function checkUnpackedSize(name: string, bytes: Uint8Array): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new ImportFileError(`${name} is damaged and cannot be opened. Save it again and retry.`);
  }
  let total = 0;
  for (const entry of Object.values(zip.files).filter((f) => !f.dir)) {
    await new Promise<void>((resolve, reject) => {
      const stream = chunksOf(entry);
      stream
        .on('data', (chunk: Uint8Array) => {
          total += chunk.byteLength;
          if (total > maxUnpackedBytes) {
            stream.pause();
            reject(new ImportFileError(`${name} unpacks to more than ${maxUnpackedBytes / 1048576} MB, far more than any register: it is not imported.`));
          }
        })
        .on('error', () => reject(new ImportFileError('The spreadsheet is damaged and cannot be opened. Save it again from Excel and retry.')))
        .on('end', () => resolve())
        .resume();
    });
  }
}

interface CellReading {
  text: string;
  /** A formula whose value Excel never saved (written by a script, say): read as empty. */
  unsavedFormula: boolean;
}

function cellText(value: ExcelJS.CellValue): CellReading {
  const plain = (text: string): CellReading => ({ text, unsavedFormula: false });
  if (value === null || value === undefined) return plain('');
  if (value instanceof Date) return plain(value.toISOString().slice(0, 10));
  if (typeof value === 'object') {
    if ('richText' in value) return plain(value.richText.map((r) => r.text).join(''));
    if ('text' in value && typeof value.text === 'string') return plain(value.text);
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      return result === undefined || result === null ? { text: '', unsavedFormula: true } : cellText(result);
    }
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return plain('');
    return plain('');
  }
  return plain(String(value));
}

async function readXlsx(name: string, bytes: Uint8Array): Promise<RegisterTable> {
  await checkUnpackedSize(name, bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new ImportFileError('The spreadsheet is damaged and cannot be opened. Save it again from Excel and retry.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError('The spreadsheet has no sheets.');
  if (sheet.rowCount > maxImportRows + 1) throw tooManyRows(name, sheet.rowCount);
  const unsaved: string[] = [];
  const rows = sheetRows(sheet, unsaved);
  // The history may come as a second sheet in long format: one row per update.
  const updatesSheet = workbook.worksheets.find((s, i) => i > 0 && /^updates$/i.test(s.name.trim()));
  if (updatesSheet && updatesSheet.rowCount > maxUpdateRows + 1) throw tooManyRows(`${name}'s Updates sheet`, updatesSheet.rowCount, maxUpdateRows);
  const updateRows = updatesSheet ? sheetRows(updatesSheet, unsaved) : undefined;
  const notices =
    unsaved.length > 0
      ? [
          `${unsaved.length} cell(s) hold a formula whose value was never saved (${unsaved.slice(0, 5).join(', ')}${unsaved.length > 5 ? ', …' : ''}): they were read as empty. Open the file in Excel and save it, then import again.`,
        ]
      : [];
  return { rows, notices, updateRows };
}

/** A sheet's cells as text, row by row; formulas Excel never computed are noted in `unsaved`. */
function sheetRows(sheet: ExcelJS.Worksheet, unsaved: string[]): string[][] {
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const reading = cellText(cell.value);
      if (reading.unsavedFormula) unsaved.push(`${sheet.name}!${cell.address}`);
      cells[column - 1] = reading.text;
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

/** Windows-1252's printable characters in 0x80–0x9F (punctuation Excel writes: – “ ” € …), where Latin-1 has controls. */
const windows1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Decoded here, not by TextDecoder: Node built without full ICU reads "windows-1252" as Latin-1. */
const decodeWindows1252 = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => (b >= 0x80 && b <= 0x9f ? (windows1252High[b - 0x80] ?? '') : String.fromCharCode(b))).join('');

/**
 * Text in UTF-8, the template's encoding, or UTF-16 when it starts with a byte order mark; a file that is
 * neither was saved by an older Excel as Windows-1252 (Western European), which is how it is read, and said so.
 */
function decodeText(bytes: Uint8Array): { text: string; notice?: string } {
  // Excel's "Unicode Text" is UTF-16 with a byte order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const body = bytes.subarray(2);
    const swapped = Uint8Array.from(body, (_byte, i) => body[i ^ 1] ?? 0);
    return { text: new TextDecoder('utf-16le').decode(swapped) };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return {
      text: decodeWindows1252(bytes),
      notice: 'The CSV file is not UTF-8: it was read as Windows-1252 (Western European). Check accented letters and symbols (é, £, –) in the preview.',
    };
  }
}

/**
 * The CSV's rows, as Excel reads them: a row whose quote is never closed (a stray quote) would swallow the rest of
 * the file, so that row alone is read again with its quotes as text, and parsing goes on from the next line.
 */
function csvRows(text: string): { rows: string[][]; strayQuoteRows: number[] } {
  const rows: string[][] = [];
  const strayQuoteRows: number[] = [];
  let offset = 0;
  while (offset < text.length && rows.length <= maxImportRows + 1) {
    let cursor = 0;
    let bad: number | undefined;
    Papa.parse<string[]>(text.slice(offset), {
      skipEmptyLines: 'greedy',
      step: (result, parser) => {
        if (result.errors.some((e) => e.type === 'Quotes') || rows.length > maxImportRows + 1) {
          bad = result.errors.length > 0 ? cursor : undefined;
          parser.abort();
          return;
        }
        rows.push(result.data);
        cursor = result.meta.cursor;
      },
    });
    if (bad === undefined) break;
    let start = offset + bad;
    while (text[start] === '\n' || text[start] === '\r') start++;
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    rows.push(Papa.parse<string[]>(text.slice(start, end).replace(/\r$/, ''), { quoteChar: '\u0000' }).data[0] ?? []);
    strayQuoteRows.push(rows.length - 1);
    offset = end + 1;
  }
  return { rows, strayQuoteRows };
}

function readCsv(name: string, bytes: Uint8Array): RegisterTable {
  const { text, notice } = decodeText(bytes);
  const { rows, strayQuoteRows } = csvRows(text);
  if (rows.length > maxImportRows + 1) throw tooManyRows(name, text.split('\n').length);
  return {
    rows,
    notices: notice ? [notice] : [],
    rowFindings: strayQuoteRows.map((rowIndex) => ({
      rowIndex,
      message: 'This row has a quote that is never closed: it was read with the quote as text, as Excel reads it. Check its cells.',
    })),
  };
}

/** Reads a register file (.xlsx or .csv) into rows of text, header first. */
export async function readRegisterFile(name: string, bytes: Uint8Array): Promise<RegisterTable> {
  const lower = name.toLowerCase();
  if (bytes.byteLength === 0) throw new ImportFileError(`${name} is empty.`);
  if (bytes.byteLength > maxImportBytes)
    throw new ImportFileError(`${name} is ${(bytes.byteLength / 1048576).toFixed(1)} MB; a register can be at most ${maxImportBytes / 1048576} MB.`);
  let table: RegisterTable;
  if (lower.endsWith('.xlsx')) {
    if (!isZip(bytes)) throw new ImportFileError(`${name} is not an Excel workbook (.xlsx), whatever its name says.`);
    table = await readXlsx(name, bytes);
  } else if (lower.endsWith('.docx')) {
    if (!isZip(bytes)) throw new ImportFileError(`${name} is not a Word document (.docx), whatever its name says.`);
    table = await readDocx(name, bytes);
  } else if (lower.endsWith('.csv')) {
    if (isZip(bytes)) throw new ImportFileError(`${name} is a workbook, not a CSV file: rename it to .xlsx.`);
    table = readCsv(name, bytes);
  } else {
    throw new ImportFileError(`${name} is not a register file: use the template as .xlsx or .csv, or a paper's Appendix A as .docx.`);
  }
  if (table.rows.filter((r) => r.some((c) => c.trim())).length < 2) throw new ImportFileError(`${name} has no recommendations under its header row.`);
  return table;
}
