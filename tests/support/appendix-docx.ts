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

/** Five rows with the shapes of the reference's Appendix A (its lines 385-960), the people invented. */
export const referenceShapedRows: AppendixFixtureRow[] = [
  {
    audit: ['FLEET MANAGEMENT', '', 'SATISFACTORY ASSURANCE', 'September 2018'],
    reference: '4.2 Sample Check of Service Details',
    record: [
      'Medium Priority Recommendation:',
      'Regular sample checks should be undertaken on the services carried out and the details recorded.',
      '• All details (including mileage) is recorded for the service; and',
      '',
      'Summary of progress – the milestones achieved between Sept 2018 and Dec 2024.',
      'UPDATE April 2025: ',
      'What is left to complete and Milestones?',
      'The tablets are being introduced to the technicians.',
      'PROPOSED  CLOSED',
    ],
  },
  {
    audit: ['VETTING', '', 'SATISFACTORY ASSURANCE', 'February 2021'],
    reference: '4.3 Performance reporting',
    record: [
      'Medium Priority Recommendation: The Force should ensure that performance information is produced for Vetting.',
      '',
      'Target Date: January 2025 – Dana Reid (Security Vetting Manager)',
      'UPDATE October 2024: The first report went to the management team.',
      'UPDATE April 2025: Reports are now monthly.',
    ],
  },
  {
    audit: ['PARTNERSHIPS (Domestic Violence)', 'LIMITED   ASSURANCE', 'June 2023'],
    reference: '4.1 End of Contract Arrangements',
    record: [
      'High Priority Recommendation: A final exit and lessons learned stage is conducted for expiring contracts.',
      'Initial Management Response: Documents and process are in place but not yet used.',
      'Target - Implemented by May 2023 Sam Ortiz – Commissioning Manager',
      '',
      'UPDATE April 2025: The auditors revisited this recommendation in January 2025 with the following findings:',
      'Implemented',
      'An exit interview was held and retained for the one service decommissioned.',
      'PROPOSED CLOSED',
    ],
  },
  {
    audit: ['\u201c'],
    reference: '4.3 Compliance agreements',
    record: [
      'Medium Priority Recommendation:  Meeting and reporting requirements are laid out in the contract.',
      'Responsible Person: D/Supt Morgan Hale',
      'Update June 2023: The risk register is updated each quarter.',
      'UPDATE April 2025: The auditors revisited this recommendation with the following findings:',
      'Implemented',
    ],
  },
  {
    audit: [],
    reference: '4.4 Performance Monitoring',
    record: [
      'Low Priority Recommendation: Regular and timely reports on the performance of providers.',
      'Target: May 2023 Target date change to Q3 2024 - Kim Vale Head of Contracts',
      'UPDATE April 2025: Reports arrive quarterly.',
      'PROPOSED CLOSED',
    ],
    embeds: 1,
  },
];

/** A record in parts a and b, each with its own person, target and update, as the reference's lines 1557-1570 have it. */
export const partsRow: AppendixFixtureRow = {
  audit: ['COMMUNITY ENGAGEMENT', 'LIMITED ASSURANCE', 'November 2024'],
  reference: '3. Communication Protocol reviewed',
  record: [
    'Low Priority Recommendation: ',
    'a. The office should review its communication protocol in line with the review timescale.',
    'Responsible Person: Ana Brook Consultant (Better Days)Tom Hallam – Head of Vetting',
    'Target Date: 31st October 2024',
    'UPDATE April 2025: Please see above collective response at recommendation 1 ',
    '',
    'b. The office should keep a schedule of each policy’s last and next review.',
    'Responsible Person: Priya Anand – Policy Officer',
    'Target Date: 31st December 2024  Revised Target – End of March 2025',
    'UPDATE April 2025: Please see above collective response at recommendation 1 ',
    'PROPOSED CLOSED',
  ],
};
