import { describe, expect, it } from 'vitest';
import { Packer } from 'docx';
import JSZip from 'jszip';
import { panelPaperDocument } from '../../src/adapters/documents/paper-docx';
import { loadRegisterView } from '../../src/application/coordinator/register-view';
import { compileMeetingPaper } from '../../src/application/panel/meeting-paper';
import { GraphEvidenceStore } from '../../src/adapters/graph/graph-evidence-store';
import { editRecommendation, performTransition } from '../../src/application/coordinator/review';
import { loadMyRecommendations } from '../../src/application/owner/my-recommendations';
import { submitUpdate } from '../../src/application/owner/submit-update';
import { newDraft } from '../../src/application/owner/update-draft';
import type { Actor } from '../../src/application/shared/actor';
import { effectiveStatus, IllegalTransitionError, parseTargetDate, partProgress, type SubPart } from '../../src/domain';
import { anAudit, aRecommendation } from '../support/builders';
import { contextFor, coordinator, otherOwner, owner } from '../support/emulator-harness';
import { useProvisionedEmulator } from '../support/provisioned-emulator';

const casey: Actor = { email: coordinator, name: 'Casey Marlow', role: 'coordinator' };
const priya: Actor = { email: owner, name: 'Priya Anand', role: 'owner' };
const tom: Actor = { email: otherOwner, name: 'Tom Reyes', role: 'owner' };
let counter = 0;
const key = (): string => `parts-key-${++counter}-${Date.now()}`;

const part = (label: string, who: Actor, status: SubPart['status'] = 'open'): SubPart => ({
  label,
  text: `Part ${label} of the protocol review`,
  owners: [{ email: who.email, name: who.name }],
  target: parseTargetDate('December 2025'),
  status,
});

describe('parts a, b with their own owners, against the emulator', () => {
  const env = useProvisionedEmulator();

  it("shows a part's owner their part, takes their update on it, and refuses one on the whole item", async () => {
    const stored = await env.admin.store.upsertRecommendation(aRecommendation(env.auditId, '3.', { subParts: [part('a', priya), part('b', tom)] }));
    const tomStore = contextFor(env.emulator, otherOwner).store;

    const mine = await loadMyRecommendations(tomStore, otherOwner, '2025-05-20');
    expect(mine.items.map((i) => i.recommendation.value.id)).toContain(stored.value.id);

    const opened = await tomStore.getRecommendation(stored.value.id);
    const draft = newDraft(opened, key, otherOwner);
    expect(draft.part).toBe('b');
    const whole = await submitUpdate(tomStore, { ...draft, part: '', achieved: 'Review schedule drafted' }, tom, 'June 2025', new Date('2025-06-20T10:00:00Z'));
    expect(whole).toEqual({ kind: 'invalid', errors: { part: 'Report on your part: b' } });

    const sent = await submitUpdate(
      tomStore,
      {
        ...draft,
        proposesClosure: true,
        closureNarrative: 'The schedule is approved',
        evidence: [{ kind: 'link', name: 'Schedule', url: 'https://intranet.example/schedule' }],
      },
      tom,
      'June 2025',
      new Date('2025-06-20T10:00:00Z'),
    );
    expect(sent.kind).toBe('submitted');
    const detail = await env.admin.store.recommendationDetail(stored.value.id);
    expect(detail.updates.map((u) => [u.part, u.author.email, u.onBehalfOf])).toEqual([['b', otherOwner, undefined]]);
    // Part b proposed done does not propose the whole item closed.
    expect(effectiveStatus(detail.recommendation.value, detail.updates)).toBe('open');
  });

  it('keeps the whole item from closure until every part is done, then lets it go to the panel', async () => {
    const stored = await env.admin.store.upsertRecommendation(aRecommendation(env.auditId, '4.', { subParts: [part('a', priya, 'done'), part('b', tom)] }));
    const priyaStore = contextFor(env.emulator, owner).store;
    const proposal = {
      ...newDraft(await priyaStore.getRecommendation(stored.value.id), key, owner),
      proposesClosure: true,
      closureNarrative: 'Both parts are in place',
      evidence: [{ kind: 'heldElsewhere' as const, name: 'the policy library' }],
    };
    const early = await submitUpdate(priyaStore, proposal, priya, 'June 2025', new Date('2025-06-20T10:00:00Z'));
    expect(early).toEqual({ kind: 'invalid', errors: { proposesClosure: 'Part b is still open: the item can go to the panel when every part is done' } });

    const current = await env.admin.store.getRecommendation(stored.value.id);
    expect(partProgress(current.value)?.label).toBe('1 of 2 parts done');
    const done = await editRecommendation(
      env.admin.store,
      current,
      { ...current.value, subParts: current.value.subParts.map((p) => ({ ...p, status: 'done' as const, doneOn: '2025-06-21' })) },
      casey,
      new Date('2025-06-21T10:00:00Z'),
    );
    expect(partProgress(done.value)?.label).toBe('2 of 2 parts done');
    const sent = await submitUpdate(priyaStore, { ...proposal, opened: done }, priya, 'June 2025', new Date('2025-06-22T10:00:00Z'));
    expect(sent.kind).toBe('submitted');
    const detail = await env.admin.store.recommendationDetail(stored.value.id);
    const accepted = await performTransition(env.admin.store, detail, 'acceptForPanel', casey, new Date('2025-06-25T10:00:00Z'), {
      evidence: new GraphEvidenceStore(env.admin.graph, env.admin.siteId),
    });
    expect(accepted.value.status).toBe('acceptedForPanel');
  });

  it('refuses to put an item with an open part to the panel', async () => {
    const stored = await env.admin.store.upsertRecommendation(
      aRecommendation(env.auditId, '6.', { status: 'proposedClosed', subParts: [part('a', priya), part('b', tom)] }),
    );
    const detail = await env.admin.store.recommendationDetail(stored.value.id);
    const refused = await performTransition(env.admin.store, detail, 'acceptForPanel', casey, new Date('2025-06-25T10:00:00Z')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(IllegalTransitionError);
    expect((refused as Error).message).toBe('Parts a and b are still open: the item can go to the panel when every part is done');
    expect((await env.admin.store.getRecommendation(stored.value.id)).value.status).toBe('proposedClosed');
  });

  it('refuses a part with no owner', async () => {
    const bad = aRecommendation(env.auditId, '5.', { subParts: [{ ...part('a', priya), owners: [] }] });
    await expect(env.admin.store.upsertRecommendation(bad)).rejects.toThrow('Give the part an owner');
  });
});

describe('repeats, against the emulator', () => {
  const env = useProvisionedEmulator();

  it('names the original on the register and in the paper, and prints each part in Appendix A', async () => {
    await env.admin.store.saveMeeting({ title: 'Panel July 2025', date: '2025-07-15', updateDeadline: '2025-06-24', cycle: 'June 2025' });
    const fleet = await env.admin.store.upsertAudit(anAudit({ title: 'Fleet Management', issuedYear: 2018, issuedMonth: 9 }));
    const original = await env.admin.store.upsertRecommendation(aRecommendation(fleet.value.id, '4.2'));
    const repeat = await env.admin.store.upsertRecommendation(
      aRecommendation(env.auditId, '1.', { repeatOf: original.value.id, subParts: [part('a', priya), part('b', tom, 'done')] }),
    );

    const register = await loadRegisterView(env.admin.store, '2025-06-01');
    expect(register.rows.find((r) => r.recommendation.id === repeat.value.id)?.repeatOf).toBe('Repeat of 4.2, Fleet Management, September 2018');
    expect(register.rows.find((r) => r.recommendation.id === original.value.id)?.repeatOf).toBeUndefined();

    const paper = await compileMeetingPaper(env.admin.store, '2025-07-15', '2025-06-25');
    const printed = paper.appendix.flatMap((g) => g.items).find((i) => i.recommendation.id === repeat.value.id);
    expect(printed?.repeatOf).toBe('Repeat of 4.2, Fleet Management, September 2018');
    const xml = (await (await JSZip.loadAsync(await Packer.toBuffer(panelPaperDocument(paper)))).file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('Repeat of 4.2, Fleet Management, September 2018.');
    expect(text).toContain('Part b: Part b of the protocol review Responsible: Tom Reyes. Target: December 2025. Done.');
  });
});
