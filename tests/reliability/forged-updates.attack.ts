import { beforeAll, describe, expect, it } from 'vitest';
import { lists } from '../../src/adapters/graph/list-schema';
import { loadRegisterView } from '../../src/application/coordinator/register-view';
import { compileMeetingPaper } from '../../src/application/panel/meeting-paper';
import { effectiveStatus } from '../../src/domain';
import { aRecommendation, aMeeting } from '../support/builders';
import { otherOwner, owner, rawCall } from '../support/emulator-harness';
import { useProvisionedEmulator } from '../support/provisioned-emulator';

/**
 * Attack: an owner writes raw Graph calls to the updates list, which owners may add to, forging another
 * owner's proposal and a note signed as the audit team. SharePoint accepts both writes; the tracker must not.
 */
describe('forged updates', () => {
  const given = useProvisionedEmulator();
  let victimId: string;
  const updates = `/sites/root/lists/${lists.updates.title}/items`;

  beforeAll(async () => {
    victimId = (await given.admin.store.createRecommendation(aRecommendation(given.auditId, '1'))).value.id;
    await given.admin.store.saveMeeting(aMeeting());
  });

  const forged = (fields: Record<string, unknown>) =>
    rawCall(given.emulator, otherOwner, 'POST', updates, {
      fields: {
        Title: 'x',
        RecommendationId: victimId,
        Cycle: 'April 2025',
        SubmittedAt: '2099-01-01T00:00:00Z',
        Achieved: 'Done',
        EvidenceJson: JSON.stringify([{ name: 'proof', url: 'https://contoso.sharepoint.com/proof.pdf' }]),
        ...fields,
      },
    });

  it("SharePoint takes an owner's raw write against another owner's item, and the tracker ignores it as suspect", async () => {
    const proposal = await forged({ IdempotencyKey: 'forged-proposal-1', Kind: 'ownerUpdate', ProposesClosure: true, ClosureNarrative: 'All done' });
    const note = await forged({ IdempotencyKey: 'forged-note-0001', Kind: 'coordinatorNote', Note: 'Owner excused this cycle' });
    expect([proposal.status, note.status]).toEqual([201, 201]);

    const detail = await given.admin.store.recommendationDetail(victimId);
    expect(detail.updates).toEqual([]);
    expect(effectiveStatus(detail.recommendation.value, detail.updates)).toBe('open');
    expect(detail.suspect.map((s) => s.reason)).toEqual([
      expect.stringContaining("wrote it as from the audit team, in the owners' list"),
      `Tom Hallam (${otherOwner}) does not own 1`,
    ]);
    // The author and time are SharePoint's, not the fields': Tom, now, not 2099 (there is no author field to forge).
    expect(detail.suspect.every((s) => s.update.author.email === otherOwner && s.update.submittedAt < '2099')).toBe(true);

    const register = await loadRegisterView(given.admin.store, '2025-05-01');
    expect(register.rows.find((r) => r.recommendation.id === victimId)?.status).toBe('open');
    expect(register.data.suspect).toHaveLength(2);
    const paper = await compileMeetingPaper(given.admin.store, aMeeting().date, '2025-05-01');
    expect(paper.acceptedForPanel).toEqual([]);
    expect(paper.appendix.flatMap((g) => g.items).find((i) => i.recommendation.id === victimId)?.update).toBeUndefined();
  });

  it("counts the real owner's own update, stamped by SharePoint whatever its fields say", async () => {
    const own = await rawCall(given.emulator, owner, 'POST', updates, {
      fields: {
        Title: 'x',
        IdempotencyKey: 'own-update-0001',
        RecommendationId: victimId,
        Cycle: 'April 2025',
        Kind: 'ownerUpdate',
        Achieved: 'Drafted',
        SubmittedAt: '2001-01-01T00:00:00Z',
        EvidenceJson: '[]',
      },
    });
    expect(own.status).toBe(201);
    const detail = await given.admin.store.recommendationDetail(victimId);
    expect(detail.updates.map((u) => [u.author.email, u.achieved])).toEqual([[owner, 'Drafted']]);
    expect(detail.updates[0]?.submittedAt.slice(0, 4)).not.toBe('2001');
  });
});
