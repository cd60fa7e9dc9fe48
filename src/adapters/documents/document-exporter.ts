import type { DocumentExporter } from '../../application/ports';

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Loads the Word and Excel writers only when a document is asked for: they are large. */
export const documentExporter: DocumentExporter = {
  async paperDocx(paper) {
    const [{ Packer }, { panelPaperDocument }] = await Promise.all([import('docx'), import('./paper-docx')]);
    return new Blob([await Packer.toArrayBuffer(panelPaperDocument(paper))], { type: docxType });
  },
  async registerXlsx(data) {
    const { registerRows, registerWorkbook } = await import('./register-xlsx');
    return new Blob([await registerWorkbook(registerRows(data.audits, data.recommendations, data.updates))], { type: xlsxType });
  },
};
