import { Bookmark, Document, ImportedXmlComponent, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

/** One Appendix A row as a paper writes it: the audit cell's lines (none: the audit above), the reference, the record. */
export interface AppendixFixtureRow {
  audit: string[];
  reference: string;
  record: string[];
  /** Documents embedded in the record cell, as a paper embeds its evidence. */
  embeds?: number;
}

const embeddedObject = (): Paragraph => {
  const paragraph = new Paragraph({});
  // An OLE object as Word writes one into a cell; docx has no builder for it, so it is written as Word's XML.
  paragraph.addChildElement(
    ImportedXmlComponent.fromXmlString(
      '<w:r><w:object w:dxaOrig="1500" w:dyaOrig="900"><o:OLEObject Type="Embed" ProgID="Word.Document.12" ShapeID="_x0000_i1025" DrawAspect="Icon" ObjectID="_1700000000" r:id="rIdObj1"/></w:object></w:r>',
    ),
  );
  return paragraph;
};

const cell = (lines: readonly string[], bookmark?: string, embeds = 0): TableCell =>
  new TableCell({
    children: [
      ...lines.map((line, i) =>
        i === 0 && bookmark
          ? new Paragraph({ children: [new Bookmark({ id: bookmark, children: [new TextRun(line)] })] })
          : new Paragraph({ children: [new TextRun(line)] }),
      ),
      ...Array.from({ length: embeds }, embeddedObject),
      ...(lines.length === 0 && embeds === 0 ? [new Paragraph({})] : []),
    ],
  });

/** A real .docx with the reference's legend and its Appendix A table, built with the docx library. */
export async function appendixDocx(rows: readonly AppendixFixtureRow[]): Promise<Uint8Array> {
  const legend = new Table({ rows: [new TableRow({ children: ['RISK LEVEL', 'HIGH PRIORITY', 'MEDIUM PRIORITY', 'LOW PRIORITY'].map((t) => cell([t])) })] });
  const header = new TableRow({
    children: [cell(['Audit Title'], '_Hlk121300028'), cell(['Risk']), cell(['Recommendation', 'Reference']), cell(['Business Owner – Action Plan Updates'])],
  });
  const body = rows.map(
    (r, i) =>
      new TableRow({
        children: [cell(r.audit, r.audit.length ? `_Hlk1877${i}` : undefined), cell([]), cell([r.reference]), cell(r.record, undefined, r.embeds)],
      }),
  );
  const document = new Document({
    sections: [{ children: [new Paragraph({ children: [new TextRun('APPENDIX A')] }), legend, new Paragraph({}), new Table({ rows: [header, ...body] })] }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
