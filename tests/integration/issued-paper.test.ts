import { Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { panelPaperDocument } from '../../src/adapters/documents/paper-docx';
import { GraphEvidenceStore } from '../../src/adapters/graph/graph-evidence-store';
import { lists } from '../../src/adapters/graph/list-schema';
import { IssuedPaperChangedError, issuePaper, issuedPaperBytes, sha256Hex } from '../../src/application/panel/issue-paper';
import { compileMeetingPaper } from '../../src/application/panel/meeting-paper';
import type { Actor } from '../../src/application/shared/actor';
import { aRecommendation } from '../support/builders';
import { coordinator, rawCall } from '../support/emulator-harness';
import { useProvisionedEmulator } from '../support/provisioned-emulator';

const casey: Actor = { email: coordinator, name: 'Casey Marlow', role: 'coordinator' };

describe('issuing the paper, against the emulator', () => {
  const env = useProvisionedEmulator();

  it('freezes the .docx in the library with its hash: a reprint gives the same bytes while the live paper moves on', async () => {
    await env.admin.store.upsertRecommendation(aRecommendation(env.auditId, '4.1', { status: 'acceptedForPanel' }));
    const meeting = await env.admin.store.saveMeeting({ title: 'Audit panel July 2025', date: '2025-07-15', updateDeadline: '2025-06-24', cycle: 'June 2025' });
    const library = new GraphEvidenceStore(env.admin.graph, env.admin.siteId);
    const paper = await compileMeetingPaper(env.admin.store, meeting.id, '2025-07-01');
    const bytes = new Uint8Array(await Packer.toBuffer(panelPaperDocument(paper)));
    const issued = await issuePaper(env.admin.store, library, paper, bytes, casey, new Date());
    expect(issued.issued?.sha256).toBe(await sha256Hex(bytes));
    const reread = (await env.admin.store.paperData('2000-01-01')).meetings.find((m) => m.id === meeting.id);
    expect(reread?.issued).toEqual(issued.issued);

    // The register changes; the live paper follows it, the issued one does not.
    await env.admin.store.upsertRecommendation(aRecommendation(env.auditId, '4.2', { status: 'acceptedForPanel' }));
    const live = await compileMeetingPaper(env.admin.store, meeting.id, '2025-07-01');
    expect(live.acceptedForPanel).toHaveLength(2);
    expect(Buffer.from(await issuedPaperBytes(library, issued)).equals(Buffer.from(bytes))).toBe(true);
    await expect(issuePaper(env.admin.store, library, { ...live, meeting: issued }, bytes, casey, new Date())).rejects.toThrow('was issued on');
  });

  it('refuses to reprint an issued paper someone replaced in the library', async () => {
    const meeting = await env.admin.store.saveMeeting({
      title: 'Audit panel October 2025',
      date: '2025-10-14',
      updateDeadline: '2025-09-23',
      cycle: 'September 2025',
    });
    const library = new GraphEvidenceStore(env.admin.graph, env.admin.siteId);
    const paper = await compileMeetingPaper(env.admin.store, meeting.id, '2025-10-01');
    const issued = await issuePaper(env.admin.store, library, paper, new TextEncoder().encode('the paper as issued'), casey, new Date());
    const site = (await rawCall(env.emulator, coordinator, 'GET', '/sites/root/lists?$select=id,displayName')).body.value as {
      id: string;
      displayName: string;
    }[];
    const libraryId = site.find((l) => l.displayName === lists.evidence.title)?.id ?? '';
    const drive = (await rawCall(env.emulator, coordinator, 'GET', `/sites/root/lists/${libraryId}/drive`)).body as { id: string };
    const path = `papers/${meeting.id}/${encodeURIComponent(issued.issued?.name ?? '')}`;
    const replaced = await rawCall(
      env.emulator,
      coordinator,
      'PUT',
      `/drives/${drive.id}/root:/${path}:/content?@microsoft.graph.conflictBehavior=replace`,
      'a doctored paper',
      {
        'Content-Type': 'application/octet-stream',
      },
    );
    expect(replaced.status).toBeLessThan(300);
    await expect(issuedPaperBytes(library, issued)).rejects.toBeInstanceOf(IssuedPaperChangedError);
  });
});
