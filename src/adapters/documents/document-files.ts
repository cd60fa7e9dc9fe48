import type { DocumentFiles } from '../../application/ports';

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Loads the Word and Excel libraries only when a document is asked for: they are large. */
export const documentFiles: DocumentFiles = {
  async paperDocx(paper) {
    const [{ Packer }, { panelPaperDocument }] = await Promise.all([import('docx'), import('./paper-docx')]);
    return new Blob([await Packer.toArrayBuffer(panelPaperDocument(paper))], { type: docxType });
  },
  async decisionListDocx(list) {
    const [{ Packer }, { decisionListDocument }] = await Promise.all([import('docx'), import('./decision-list-docx')]);
    return new Blob([await Packer.toArrayBuffer(decisionListDocument(list))], { type: docxType });
  },
  async registerXlsx(data) {
    const { registerRows, registerWorkbook } = await import('./register-xlsx');
    return new Blob([await registerWorkbook(registerRows(data.audits, data.recommendations, data.updates))], { type: xlsxType });
  },
  async templateXlsx() {
    const { registerWorkbook } = await import('./register-xlsx');
    return new Blob([await registerWorkbook([])], { type: xlsxType });
  },
  async readRegister(name, bytes) {
    const { readRegisterFile } = await import('./register-file');
    return readRegisterFile(name, bytes);
  },
};
