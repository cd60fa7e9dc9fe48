import { beforeAll, describe, expect, it } from 'vitest';
import { GraphEvidenceStore } from '../../src/adapters/graph/graph-evidence-store';
import { lists } from '../../src/adapters/graph/list-schema';
import { performTransition } from '../../src/application/coordinator/review';
import { compileMeetingPaper } from '../../src/application/panel/meeting-paper';
import type { Actor } from '../../src/application/shared/actor';
import { changeSinceAccepted } from '../../src/domain';
import { aMeeting, aRecommendation, anUpdate } from '../support/builders';
import { contextFor, coordinator, devToken, otherOwner, owner, rawCall } from '../support/emulator-harness';
import { useProvisionedEmulator } from '../support/provisioned-emulator';

const casey: Actor = { email: coordinator, name: 'Casey Marlow', role: 'coordinator' };

/**
 * Attack: after the coordinator accepts a proposal, its owner rewrites or deletes the update, and another
 * owner overwrites its evidence file. What the panel decides on must stay what was accepted.
 */
describe('a proposal after acceptance', () => {
  const given = useProvisionedEmulator();
  let recommendationId: string;
  let updateId: string;
  let fileId: string;
  let drive: string;
  const updates = `/sites/root/lists/${lists.updates.title}/items`;

  beforeAll(async () => {
    recommendationId = (await given.admin.store.createRecommendation(aRecommendation(given.auditId, '1'))).value.id;
    await given.admin.store.saveMeeting(aMeeting({ cycle: 'April 2025' }));
    const priya = contextFor(given.emulator, owner);
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
    await performTransition(given.admin.store, await given.admin.store.recommendationDetail(recommendationId), 'acceptForPanel', casey, new Date(), {
      evidence: new GraphEvidenceStore(given.admin.graph, given.admin.siteId),
    });
    drive = (await rawCall(given.emulator, coordinator, 'GET', `/sites/root/lists/${lists.evidence.title}/drive`)).body.id;
  });

  it('freezes the narrative and each file with its version and hash in the coordinator-only trail', async () => {
    const accepted = (await given.admin.store.recommendationDetail(recommendationId)).decisions.find((d) => d.kind === 'acceptForPanel');
    expect(accepted?.frozen).toMatchObject({ id: updateId, closureNarrative: 'Procedure signed off' });
    expect(accepted?.frozen?.evidence[0]).toMatchObject({ driveItemId: fileId, version: '1.0', hash: expect.stringMatching(/^[A-Za-z0-9+/]{27}=$/) });
  });

  it("lets the owner edit their update (SharePoint's edit-own) but the paper prints what was accepted, and says it changed", async () => {
    const rewrite = await rawCall(given.emulator, owner, 'PATCH', `${updates}/${updateId}/fields`, { ClosureNarrative: 'Rewritten after acceptance' });
    expect(rewrite.status).toBe(200);
    const paper = await compileMeetingPaper(given.admin.store, aMeeting().date, '2025-05-01');
    const printed = paper.appendix.flatMap((g) => g.items).find((i) => i.recommendation.id === recommendationId)?.update;
    expect(printed?.closureNarrative).toBe('Procedure signed off');
    const detail = await given.admin.store.recommendationDetail(recommendationId);
    const accepted = detail.decisions.find((d) => d.kind === 'acceptForPanel')?.frozen;
    expect(accepted && changeSinceAccepted(accepted, detail.updates)).toBe('edited');
  });

  it('refuses the owner a delete of their update, and every owner a replace of evidence', async () => {
    expect((await rawCall(given.emulator, owner, 'DELETE', `${updates}/${updateId}`)).status).toBe(403);
    const path = `/drives/${drive}/root:/${recommendationId}/April 2025/procedure.txt:/content`;
    const overwrite = (user: string, query = '') =>
      fetch(`${given.emulator.graphBase}${encodeURI(path)}${query}`, { method: 'PUT', headers: { Authorization: `Bearer ${user}` }, body: 'forged' });
    expect((await overwrite(await devToken(given.emulator.origin, otherOwner))).status).toBe(403);
    expect((await overwrite(await devToken(given.emulator.origin, owner))).status).toBe(403);
    expect((await overwrite(await devToken(given.emulator.origin, otherOwner), '?@microsoft.graph.conflictBehavior=fail')).status).toBe(409);
    // A coordinator (Edit) can replace it; versioning keeps the original, and the frozen hash tells them apart.
    expect((await overwrite(await devToken(given.emulator.origin, coordinator))).status).toBe(201);
    const now = await new GraphEvidenceStore(given.admin.graph, given.admin.siteId).fingerprint({
      name: 'procedure.txt',
      url: 'https://x.example/',
      driveItemId: fileId,
    });
    const frozen = (await given.admin.store.recommendationDetail(recommendationId)).decisions.find((d) => d.kind === 'acceptForPanel')?.frozen?.evidence[0];
    expect(now.version).toBe('2.0');
    expect(now.hash).not.toBe(frozen?.hash);
    const versions = (await rawCall(given.emulator, coordinator, 'GET', `/drives/${drive}/items/${fileId}/versions`)).body.value.map(
      (v: { id: string }) => v.id,
    );
    expect(versions).toEqual(['2.0', '1.0']);
  });
});
