import type { DecisionList, PanelPaper } from '../../domain';
import type { PaperData } from './recommendation-store';

/** Office files in and out: the panel paper and a meeting's decision list (.docx), the register and its empty template (.xlsx), and reading a register. */
export interface DocumentFiles {
  paperDocx(paper: PanelPaper): Promise<Blob>;
  /** A meeting's decisions in the minutes' RESOLVED style. */
  decisionListDocx(list: DecisionList): Promise<Blob>;
  registerXlsx(data: Pick<PaperData, 'audits' | 'recommendations' | 'updates'>): Promise<Blob>;
  templateXlsx(): Promise<Blob>;
  /**
   * Rows of text, header first, and notices on how the file was read (its encoding, unsaved formulas); throws an
   * error with one clear message for a file it cannot read, or one too large to be a register.
   */
  readRegister(name: string, bytes: Uint8Array): Promise<{ rows: string[][]; notices: string[] }>;
}
