import ExcelJS from 'exceljs';
import Papa from 'papaparse';

/** The one clear message a file that cannot be read at all gets; nothing is written. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export const maxImportBytes = 10 * 1024 * 1024;

const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new ImportFileError('The spreadsheet is damaged and cannot be opened. Save it again from Excel and retry.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError('The spreadsheet has no sheets.');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    rows.push(Array.from(cells, (c) => c ?? ''));
  });
  return rows;
}

function readCsv(bytes: Uint8Array): string[][] {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  if (parsed.errors.some((e) => e.type === 'Quotes')) {
    throw new ImportFileError(`The CSV file has an unclosed quote near row ${(parsed.errors[0]?.row ?? 0) + 1}.`);
  }
  return parsed.data;
}

/** Reads a register file (.xlsx or .csv) into rows of text, header first. */
export async function readRegisterFile(name: string, bytes: Uint8Array): Promise<string[][]> {
  const lower = name.toLowerCase();
  if (bytes.byteLength === 0) throw new ImportFileError(`${name} is empty.`);
  if (bytes.byteLength > maxImportBytes)
    throw new ImportFileError(`${name} is ${(bytes.byteLength / 1048576).toFixed(1)} MB; a register can be at most ${maxImportBytes / 1048576} MB.`);
  let rows: string[][];
  if (lower.endsWith('.xlsx')) {
    if (!isZip(bytes)) throw new ImportFileError(`${name} is not an Excel workbook (.xlsx), whatever its name says.`);
    rows = await readXlsx(bytes);
  } else if (lower.endsWith('.csv')) {
    if (isZip(bytes)) throw new ImportFileError(`${name} is a workbook, not a CSV file: rename it to .xlsx.`);
    rows = readCsv(bytes);
  } else {
    throw new ImportFileError(`${name} is not a register file: use the template as .xlsx or .csv.`);
  }
  if (rows.filter((r) => r.some((c) => c.trim())).length < 2) throw new ImportFileError(`${name} has no recommendations under its header row.`);
  return rows;
}
