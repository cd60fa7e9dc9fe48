import { describe, expect, it } from 'vitest';
import { Packer } from 'docx';
import JSZip from 'jszip';
import { panelPaperDocument } from '../../src/adapters/documents/paper-docx';
import { compileMeetingPaper } from '../../src/application/panel/meeting-paper';
import { submitUpdate } from '../../src/application/owner/submit-update';
import { newDraft, type UpdateDraft } from '../../src/application/owner/update-draft';
import type { Actor } from '../../src/application/shared/actor';
import { collectiveCandidates, effectiveStatus, mayReport, parseTargetDate } from '../../src/domain';
import { anAudit, aRecommendation, anUpdate } from '../support/builders';
import { contextFor, coordinator, otherOwner, owner } from '../support/emulator-harness';
import { useProvisionedEmulator } from '../support/provisioned-emulator';

const casey: Actor = { email: coordinator, name: 'Casey Marlow', role: 'coordinator' };
const priya: Actor = { email: owner, name: 'Priya Anand', role: 'owner' };
const tom: Actor = { email: otherOwner, name: 'Tom Reyes', role: 'owner' };
let counter = 0;
const key = (): string => `collective-key-${++counter}-${Date.now()}`;
const at = new Date('2025-06-20T10:00:00Z');

const docText = async (paper: Awaited<ReturnType<typeof compileMeetingPaper>>): Promise<string> => {
  const xml = (await (await JSZip.loadAsync(await Packer.toBuffer(panelPaperDocument(paper)))).file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
};

describe('one response for several recommendations, against the emulator', () => {
  const env = useProvisionedEmulator();

  it("puts one owner's response on each item, proposes each closed, and the paper prints it once", async () => {
    await env.admin.store.saveMeeting({ title: 'Panel July 2025', date: '2025-07-15', updateDeadline: '2025-06-24', cycle: 'June 2025' });
    const audit = await env.admin.store.upsertAudit(anAudit({ title: 'Community Engagement', issuedYear: 2024, issuedMonth: 10 }));
    const add = (ref: string) => env.admin.store.upsertRecommendation(aRecommendation(audit.value.id, ref));
    const first = await add('1.');
    const second = await add('2.');
    const third = await add('3.');
    const priyaStore = contextFor(env.emulator, owner).store;

    const detail = await priyaStore.recommendationDetail(first.value.id);
    const offered = collectiveCandidates(detail.recommendation.value, detail.related, (r) => mayReport(r, [], owner));
    expect(offered.map((r) => r.reference)).toEqual(['2.', '3.']);

    const draft: UpdateDraft = {
      ...newDraft(detail.recommendation, key, owner),
      achieved: 'One tracker now records every visit, with training given to all staff',
      proposesClosure: true,
      closureNarrative: 'The tracker and the procedure are in use',
      evidence: [{ kind: 'link', name: 'Visit tracker', url: 'https://intranet.example/tracker' }],
      alsoApplyTo: [second.value.id, third.value.id],
    };
    const sent = await submitUpdate(priyaStore, draft, priya, 'June 2025', at);
    expect(sent.kind).toBe('submitted');
    // Pressing Submit again after a lost answer writes nothing more, on any of the items.
    expect((await submitUpdate(priyaStore, draft, priya, 'June 2025', at)).kind).toBe('submitted');

    for (const item of [first, second, third]) {
      const stored = await env.admin.store.recommendationDetail(item.value.id);
      expect(stored.updates.map((u) => u.achieved)).toEqual([draft.achieved]);
      expect(stored.updates[0]?.collective?.recommendationIds).toEqual([first.value.id, second.value.id, third.value.id]);
      expect(stored.suspect).toEqual([]);
      expect(effectiveStatus(stored.recommendation.value, stored.updates)).toBe('proposedClosed');
    }

    const paper = await compileMeetingPaper(env.admin.store, '2025-07-15', '2025-06-25');
    const items = paper.appendix.flatMap((g) => g.items).filter((i) => i.recommendation.auditId === audit.value.id);
    expect(items.map((i) => i.collectiveReferral)).toEqual([
      undefined,
      'Please see above collective response at recommendation 1.',
      'Please see above collective response at recommendation 1.',
    ]);
    const text = (await docText(paper)).split('Appendix A: recommendation updates')[1] ?? '';
    expect(text.split(draft.achieved).length - 1).toBe(1);
    expect(text.split('Please see above collective response at recommendation 1.').length - 1).toBe(2);
  });

  it('refuses to share a response with an item the writer does not report on, and writes none of it', async () => {
    const audit = await env.admin.store.upsertAudit(anAudit({ title: 'Records Management', issuedYear: 2024, issuedMonth: 11 }));
    const mine = await env.admin.store.upsertRecommendation(aRecommendation(audit.value.id, '1.'));
    const toms = await env.admin.store.upsertRecommendation(
      aRecommendation(audit.value.id, '2.', { title: 'Retention', owners: [{ email: tom.email, name: tom.name }] }),
    );
    const priyaStore = contextFor(env.emulator, owner).store;
    const detail = await priyaStore.recommendationDetail(mine.value.id);
    expect(collectiveCandidates(detail.recommendation.value, detail.related, (r) => mayReport(r, [], owner))).toEqual([]);

    const draft = { ...newDraft(detail.recommendation, key, owner), achieved: 'Schedule drafted', alsoApplyTo: [toms.value.id] };
    expect(await submitUpdate(priyaStore, draft, priya, 'June 2025', at)).toEqual({
      kind: 'invalid',
      errors: { alsoApplyTo: 'You do not report on 2. Retention: share the response only with your own recommendations' },
    });
    expect(await priyaStore.updatesFor(mine.value.id)).toEqual([]);
    expect(await priyaStore.updatesFor(toms.value.id)).toEqual([]);

    // Written past the app, straight into the list: SharePoint takes it, and the item does not count it.
    await priyaStore.addUpdate(
      anUpdate(toms.value.id, {
        cycle: 'June 2025',
        achieved: 'Pretending to report on it',
        collective: { key: 'forged-collective', recommendationIds: [mine.value.id, toms.value.id] },
      }),
    );
    const forged = await env.admin.store.recommendationDetail(toms.value.id);
    expect(forged.updates).toEqual([]);
    expect(forged.suspect.map((s) => s.update.achieved)).toEqual(['Pretending to report on it']);
  });

  it("lets the coordinator write one response for a repeat and its original, named by the original's audit", async () => {
    await env.admin.store.saveMeeting({ title: 'Panel July 2025', date: '2025-07-15', updateDeadline: '2025-06-24', cycle: 'June 2025' });
    const fleet = await env.admin.store.upsertAudit(anAudit({ title: 'Fleet Management', issuedYear: 2018, issuedMonth: 9 }));
    const revisit = await env.admin.store.upsertAudit(anAudit({ title: 'Fleet Revisit', issuedYear: 2024, issuedMonth: 3 }));
    const original = await env.admin.store.upsertRecommendation(aRecommendation(fleet.value.id, '4.2', { title: 'Vehicle checks' }));
    const repeat = await env.admin.store.upsertRecommendation(aRecommendation(revisit.value.id, '1.', { repeatOf: original.value.id }));

    const detail = await env.admin.store.recommendationDetail(repeat.value.id);
    expect(collectiveCandidates(detail.recommendation.value, detail.related, () => true).map((r) => r.id)).toContain(original.value.id);
    const fromOriginal = await env.admin.store.recommendationDetail(original.value.id);
    expect(fromOriginal.related.map((r) => r.id)).toContain(repeat.value.id);

    const draft = {
      ...newDraft(detail.recommendation, key),
      achieved: 'Checks are logged in the fleet system for both findings',
      alsoApplyTo: [original.value.id],
    };
    const sent = await submitUpdate(env.admin.store, draft, casey, 'June 2025', at);
    expect(sent.kind === 'submitted' && [sent.update, ...sent.copies].map((u) => [u.kind, u.recommendationId, u.onBehalfOf?.email])).toEqual([
      ['coordinatorUpdate', repeat.value.id, owner],
      ['coordinatorUpdate', original.value.id, owner],
    ]);

    const paper = await compileMeetingPaper(env.admin.store, '2025-07-15', '2025-06-25');
    const referrals = paper.appendix.flatMap((g) => g.items).filter((i) => [repeat.value.id, original.value.id].includes(i.recommendation.id));
    // Fleet Management (2018) comes first in the paper, so the original prints the response and the repeat refers to it.
    expect(referrals.map((i) => [i.recommendation.reference, i.collectiveReferral])).toEqual([
      ['4.2', undefined],
      ['1.', 'Please see above collective response at recommendation 4.2 (Fleet Management).'],
    ]);
  });

  it('keeps a shared response to whole items, and a closure proposal to items that can take one', async () => {
    const audit = await env.admin.store.upsertAudit(anAudit({ title: 'Seized Property', issuedYear: 2024, issuedMonth: 12 }));
    const parted = await env.admin.store.upsertRecommendation(
      aRecommendation(audit.value.id, '1.', {
        subParts: [{ label: 'a', text: 'Guidance', owners: [{ email: owner, name: 'Priya Anand' }], target: parseTargetDate('July 2025'), status: 'open' }],
      }),
    );
    const closed = await env.admin.store.upsertRecommendation(aRecommendation(audit.value.id, '2.', { status: 'closed', title: 'Scanning' }));
    const open = await env.admin.store.upsertRecommendation(aRecommendation(audit.value.id, '3.'));
    const priyaStore = contextFor(env.emulator, owner).store;
    const opened = await priyaStore.getRecommendation(parted.value.id);

    const onPart = { ...newDraft(opened, key, owner), part: 'a', achieved: 'Posters up', alsoApplyTo: [open.value.id] };
    const refusedPart = await submitUpdate(priyaStore, onPart, priya, 'June 2025', at);
    expect(refusedPart.kind === 'invalid' && refusedPart.errors.alsoApplyTo).toMatch(/reports on the whole item/);

    const fromOpen = await priyaStore.getRecommendation(open.value.id);
    const proposal = {
      ...newDraft(fromOpen, key, owner),
      proposesClosure: true,
      closureNarrative: 'Done',
      evidence: [{ kind: 'heldElsewhere' as const, name: 'the property system' }],
    };
    expect(await submitUpdate(priyaStore, { ...proposal, alsoApplyTo: [closed.value.id] }, priya, 'June 2025', at)).toEqual({
      kind: 'invalid',
      errors: { alsoApplyTo: '2. Scanning no longer takes an update: leave it out' },
    });
    expect(await submitUpdate(priyaStore, { ...proposal, alsoApplyTo: [parted.value.id] }, priya, 'June 2025', at)).toEqual({
      kind: 'invalid',
      errors: { alsoApplyTo: `1. ${parted.value.title}: Part a is still open: the item can go to the panel when every part is done` },
    });
    expect(await priyaStore.updatesFor(open.value.id)).toEqual([]);
  });
});
