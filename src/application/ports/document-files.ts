import type { PanelPaper } from '../../domain';
import type { PaperData } from './recommendation-store';

/** Office files in and out: the panel paper (.docx), the register and its empty template (.xlsx), and reading a register. */
export interface DocumentFiles {
  paperDocx(paper: PanelPaper): Promise<Blob>;
  registerXlsx(data: Pick<PaperData, 'audits' | 'recommendations' | 'updates'>): Promise<Blob>;
  templateXlsx(): Promise<Blob>;
  /** Rows of text, header first; throws an error with one clear message for a file it cannot read. */
  readRegister(name: string, bytes: Uint8Array): Promise<string[][]>;
}
