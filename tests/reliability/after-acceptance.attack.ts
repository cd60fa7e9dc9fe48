import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server';
import { GraphEvidenceStore } from '../../src/adapters/graph/graph-evidence-store';
import { lists } from '../../src/adapters/graph/list-schema';
import { performTransition } from '../../src/application/coordinator/review';
import { compileMeetingPaper } from '../../src/application/panel/meeting-paper';
import type { Actor } from '../../src/application/shared/actor';
import { changeSinceAccepted } from '../../src/domain';
import type { JobContext } from '../../src/jobs/job-context';
import { aMeeting, aRecommendation, anAudit, anUpdate } from '../support/builders';
import { contextFor, coordinator, devToken, otherOwner, owner, provisioned, rawCall, startTestEmulator } from '../support/emulator-harness';

const casey: Actor = { email: coordinator, name: 'Casey Marlow', role: 'coordinator' };

/**
 * Attack: after the coordinator accepts a proposal, its owner rewrites or deletes the update, and another
 * owner overwrites its evidence file. What the panel decides on must stay what was accepted.
 */
describe('a proposal after acceptance', () => {
  let emulator: Emulator;
  let admin: JobContext;
  let recommendationId: string;
  let updateId: string;
  let fileId: string;
  let drive: string;
  const updates = `/sites/root/lists/${lists.updates.title}/items`;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    admin = await provisioned(emulator);
    const audit = await admin.store.upsertAudit(anAudit());
    recommendationId = (await admin.store.createRecommendation(aRecommendation(audit.value.id, '1'))).value.id;
    await admin.store.saveMeeting(aMeeting({ cycle: 'April 2025' }));
    const priya = contextFor(emulator, owner);
    const file = await new GraphEvidenceStore(priya.graph, priya.siteId).upload(`${recommendationId}/April 2025`, {
      name: 'procedure.txt',
      type: 'text/plain',
      bytes: new TextEncoder().encode('The signed procedure'),
    });
    fileId = file.driveItemId ?? '';
    const update = await priya.store.addUpdate(
      anUpdate(recommendationId, { proposesClosure: true, closureNarrative: 'Procedure signed off', evidence: [file] }),
    );
    updateId = update.id;
    await performTransition(admin.store, await admin.store.recommendationDetail(recommendationId), 'acceptForPanel', casey, new Date(), {
      evidence: new GraphEvidenceStore(admin.graph, admin.siteId),
    });
    drive = (await rawCall(emulator, coordinator, 'GET', `/sites/root/lists/${lists.evidence.title}/drive`)).body.id;
  });
  afterAll(() => emulator.close());

  it('freezes the narrative and each file with its version and hash in the coordinator-only trail', async () => {
    const accepted = (await admin.store.recommendationDetail(recommendationId)).decisions.find((d) => d.kind === 'acceptForPanel');
    expect(accepted?.frozen).toMatchObject({ id: updateId, closureNarrative: 'Procedure signed off' });
    expect(accepted?.frozen?.evidence[0]).toMatchObject({ driveItemId: fileId, version: '1.0', hash: expect.stringMatching(/^[A-Za-z0-9+/]{27}=$/) });
  });

  it("lets the owner edit their update (SharePoint's edit-own) but the paper prints what was accepted, and says it changed", async () => {
    const rewrite = await rawCall(emulator, owner, 'PATCH', `${updates}/${updateId}/fields`, { ClosureNarrative: 'Rewritten after acceptance' });
    expect(rewrite.status).toBe(200);
    const paper = await compileMeetingPaper(admin.store, aMeeting().date, '2025-05-01');
    const printed = paper.appendix.flatMap((g) => g.items).find((i) => i.recommendation.id === recommendationId)?.update;
    expect(printed?.closureNarrative).toBe('Procedure signed off');
    const detail = await admin.store.recommendationDetail(recommendationId);
    const accepted = detail.decisions.find((d) => d.kind === 'acceptForPanel')?.frozen;
    expect(accepted && changeSinceAccepted(accepted, detail.updates)).toBe('edited');
  });

  it('refuses the owner a delete of their update, and every owner a replace of evidence', async () => {
    expect((await rawCall(emulator, owner, 'DELETE', `${updates}/${updateId}`)).status).toBe(403);
    const path = `/drives/${drive}/root:/${recommendationId}/April 2025/procedure.txt:/content`;
    const overwrite = (user: string, query = '') =>
      fetch(`${emulator.graphBase}${encodeURI(path)}${query}`, { method: 'PUT', headers: { Authorization: `Bearer ${user}` }, body: 'forged' });
    expect((await overwrite(await devToken(emulator.origin, otherOwner))).status).toBe(403);
    expect((await overwrite(await devToken(emulator.origin, owner))).status).toBe(403);
    expect((await overwrite(await devToken(emulator.origin, otherOwner), '?@microsoft.graph.conflictBehavior=fail')).status).toBe(409);
    // A coordinator (Edit) can replace it; versioning keeps the original, and the frozen hash tells them apart.
    expect((await overwrite(await devToken(emulator.origin, coordinator))).status).toBe(201);
    const now = await new GraphEvidenceStore(admin.graph, admin.siteId).fingerprint({ name: 'procedure.txt', url: 'https://x.example/', driveItemId: fileId });
    const frozen = (await admin.store.recommendationDetail(recommendationId)).decisions.find((d) => d.kind === 'acceptForPanel')?.frozen?.evidence[0];
    expect(now.version).toBe('2.0');
    expect(now.hash).not.toBe(frozen?.hash);
    const versions = (await rawCall(emulator, coordinator, 'GET', `/drives/${drive}/items/${fileId}/versions`)).body.value.map((v: { id: string }) => v.id);
    expect(versions).toEqual(['2.0', '1.0']);
  });
});
