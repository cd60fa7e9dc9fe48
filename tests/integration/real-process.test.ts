import { describe, expect, it } from 'vitest';
import { GraphEvidenceStore } from '../../src/adapters/graph/graph-evidence-store';
import { recordAuditorFollowUp } from '../../src/application/coordinator/auditor-follow-up';
import {
  correctOriginalTarget,
  decideTargetRequest,
  editRecommendation,
  performTransition,
  recordTargetRevision,
} from '../../src/application/coordinator/review';
import { loadRegisterView, needsReassigning, reviewQueue } from '../../src/application/coordinator/register-view';
import { DelegateNotAllowedError, endDelegation, nameDelegate } from '../../src/application/owner/delegates';
import { GraphDirectory } from '../../src/adapters/graph/graph-directory';
import { submitUpdate } from '../../src/application/owner/submit-update';
import { newDraft } from '../../src/application/owner/update-draft';
import { compileMeetingPaper, loadPaperData, paperForMeeting } from '../../src/application/panel/meeting-paper';
import { completePanelAction, decisionList, logPanelAction } from '../../src/application/panel/panel-actions';
import { recordClosureDecision, recordWithdrawalDecision } from '../../src/application/panel/panel-decisions';
import { ConflictError } from '../../src/application/ports';
import type { Actor } from '../../src/application/shared/actor';
import { currentTarget, delegatesOf, effectiveStatus, evidenceLabel, nextRevisionNeedsPanel, parseTargetDate, updateAttribution } from '../../src/domain';
import { aRecommendation } from '../support/builders';
import { contextFor, coordinator, otherOwner, owner } from '../support/emulator-harness';
import { issueTestPaper, julyAndOctober, putToPanel, useProvisionedEmulator } from '../support/provisioned-emulator';

const casey: Actor = { email: coordinator, name: 'Casey Marlow', role: 'coordinator' };
const priya = { email: owner, name: 'Priya Anand', role: 'owner' as const };
let counter = 0;
const key = (): string => `process-key-${++counter}-${Date.now()}`;

describe('the process as coordinators run it, against the emulator', () => {
  const env = useProvisionedEmulator();
  const recommendation = (reference: string) => env.admin.store.upsertRecommendation(aRecommendation(env.auditId, reference));

  it('takes a proposal whose only evidence is a verbal update, with a condition, through to the paper', async () => {
    await env.admin.store.saveMeeting({ title: 'Panel July 2025', date: '2025-07-15', updateDeadline: '2025-06-24', cycle: 'June 2025' });
    const id = (await recommendation('2.1')).value.id;
    const ownerStore = contextFor(env.emulator, owner).store;
    const draft = {
      ...newDraft(await ownerStore.getRecommendation(id), key),
      proposesClosure: true,
      closureNarrative: 'The procedure is written and in use.',
      closureConditional: true,
      closureCondition: 'approval of the honoraria procedure at the staff committee',
      evidence: [
        { kind: 'verbal' as const, name: 'the July panel' },
        { kind: 'heldElsewhere' as const, name: 'the intranet policy page' },
      ],
    };
    const sent = await submitUpdate(ownerStore, draft, priya, 'June 2025', new Date('2025-06-20T10:00:00Z'));
    expect(sent.kind).toBe('submitted');

    const detail = await env.admin.store.recommendationDetail(id);
    const [stored] = detail.updates;
    expect(stored?.closureCondition).toBe('approval of the honoraria procedure at the staff committee');
    expect(stored?.evidence.map(evidenceLabel)).toEqual(['Verbal update or presentation at the July panel', 'Held elsewhere: the intranet policy page']);
    expect(effectiveStatus(detail.recommendation.value, detail.updates)).toBe('proposedClosed');

    await performTransition(env.admin.store, detail, 'acceptForPanel', casey, new Date('2025-06-25T10:00:00Z'), {
      evidence: new GraphEvidenceStore(env.admin.graph, env.admin.siteId),
    });
    expect((await env.admin.store.getRecommendation(id)).value.closureCondition).toBe('approval of the honoraria procedure at the staff committee');
    const paper = await compileMeetingPaper(env.admin.store, '2025-07-15', '2025-06-25');
    const listed = paper.acceptedForPanel.find((p) => p.recommendationId === id);
    expect(listed?.condition).toBe('approval of the honoraria procedure at the staff committee');
    const printed = paper.appendix.flatMap((g) => g.items).find((i) => i.recommendation.id === id)?.update;
    expect(printed?.evidence.map((e) => e.kind)).toEqual(['verbal', 'heldElsewhere']);
  });

  it('refuses a proposal with no evidence of any kind, and a condition with no text, keeping the draft', async () => {
    const id = (await recommendation('2.2')).value.id;
    const ownerStore = contextFor(env.emulator, owner).store;
    const draft = {
      ...newDraft(await ownerStore.getRecommendation(id), key),
      proposesClosure: true,
      closureNarrative: 'Done.',
      closureConditional: true,
      closureCondition: '  ',
    };
    const result = await submitUpdate(ownerStore, draft, priya, 'June 2025', new Date('2025-06-20T10:00:00Z'));
    expect(result).toEqual({
      kind: 'invalid',
      errors: { evidence: 'Add at least one piece of evidence: a file, a link, or where it is', closureCondition: 'Say what the closure is subject to' },
    });
    expect(await ownerStore.updatesFor(id)).toEqual([]);
  });
});

describe('closures the audit team puts forward, against the emulator', () => {
  const env = useProvisionedEmulator();
  const recommendation = (reference: string, over: Parameters<typeof aRecommendation>[2] = {}) =>
    env.admin.store.upsertRecommendation(aRecommendation(env.auditId, reference, over));
  const evidenceStore = () => new GraphEvidenceStore(env.admin.graph, env.admin.siteId);

  it("writes a full update on the owner's behalf that puts the item forward, kept as the audit team's and trusted", async () => {
    await env.admin.store.saveMeeting({ title: 'Panel July 2025', date: '2025-07-15', updateDeadline: '2025-06-24', cycle: 'June 2025' });
    const id = (await recommendation('3.1')).value.id;
    const draft = {
      ...newDraft(await env.admin.store.getRecommendation(id), key),
      achieved: 'Policy approved.',
      proposesClosure: true,
      closureNarrative: 'Approved by the governance board.',
      evidence: [{ kind: 'otherBody' as const, name: 'CGB 6 May' }],
    };
    const sent = await submitUpdate(env.admin.store, draft, casey, 'June 2025', new Date('2025-06-21T09:00:00Z'));
    expect(sent.kind).toBe('submitted');
    const detail = await contextFor(env.emulator, owner).store.recommendationDetail(id);
    const [update] = detail.updates;
    expect(update).toMatchObject({ kind: 'coordinatorUpdate', author: { email: coordinator }, onBehalfOf: { email: owner }, proposesClosure: true });
    expect(update?.evidence.map(evidenceLabel)).toEqual(['Approved by CGB 6 May']);
    expect(effectiveStatus(detail.recommendation.value, detail.updates)).toBe('proposedClosed');
    // The owners' list never holds it: an owner cannot write the audit team's list at all.
    const forged = await contextFor(env.emulator, owner)
      .store.addUpdate({ ...update!, idempotencyKey: 'forged-coordinator-update', submittedAt: new Date().toISOString() })
      .catch((error: unknown) => error);
    expect(forged).toBeInstanceOf(Error);
  });

  it('records an auditor follow-up that found the item implemented, and puts it forward on that evidence, once', async () => {
    const id = (await recommendation('3.2')).value.id;
    const followUp = { auditor: 'Northgate Audit LLP', date: '2025-06-02', verdict: 'implemented' as const, note: 'Revisit found the new process in use.' };
    for (let attempt = 0; attempt < 2; attempt++) {
      const outcome = await recordAuditorFollowUp(
        env.admin.store,
        await env.admin.store.recommendationDetail(id),
        followUp,
        casey,
        new Date('2025-06-22T09:00:00Z'),
        {
          putForward: { cycle: 'June 2025' },
        },
      );
      expect(outcome.effect).toBe(attempt === 0 ? 'mayPropose' : 'recorded');
    }
    const detail = await env.admin.store.recommendationDetail(id);
    expect(detail.decisions.filter((d) => d.kind === 'auditorFollowUp').map((d) => d.detail)).toEqual([
      'Northgate Audit LLP, 2025-06-02: Implemented – Revisit found the new process in use.',
    ]);
    expect(detail.updates).toHaveLength(1);
    expect(detail.updates[0]?.evidence).toEqual([
      { kind: 'auditorFollowUp', name: 'Northgate Audit LLP, 2025-06-02: Implemented – Revisit found the new process in use.' },
    ]);
    expect(effectiveStatus(detail.recommendation.value, detail.updates)).toBe('proposedClosed');
  });

  it('puts the audit team’s own proposal straight to the panel, and the paper prints it as accepted', async () => {
    const id = (await recommendation('3.3')).value.id;
    const draft = {
      ...newDraft(await env.admin.store.getRecommendation(id), key),
      proposesClosure: true,
      closureNarrative: 'A verbal update will be given at the meeting.',
      evidence: [{ kind: 'verbal' as const, name: 'the July 2025 panel' }],
    };
    await submitUpdate(env.admin.store, draft, casey, 'June 2025', new Date('2025-06-21T09:00:00Z'));
    await performTransition(env.admin.store, await env.admin.store.recommendationDetail(id), 'acceptForPanel', casey, new Date('2025-06-21T09:05:00Z'), {
      evidence: evidenceStore(),
    });
    const paper = await compileMeetingPaper(env.admin.store, '2025-07-15', '2025-06-25');
    expect(paper.acceptedForPanel.map((p) => p.recommendationId)).toContain(id);
    const printed = paper.appendix.flatMap((g) => g.items).find((i) => i.recommendation.id === id)?.update;
    expect(printed).toMatchObject({ kind: 'coordinatorUpdate', closureNarrative: 'A verbal update will be given at the meeting.' });
  });

  it('reopens a closed item an auditor found not implemented, with the reason, and the next paper reports it', async () => {
    const id = (await recommendation('3.4', { status: 'closed', statusChangedAt: '2025-04-10T10:00:00Z' })).value.id;
    const followUp = { auditor: 'Northgate Audit LLP', date: '2025-06-05', verdict: 'notImplemented' as const, note: 'Checks had lapsed.' };
    const outcome = await recordAuditorFollowUp(
      env.admin.store,
      await env.admin.store.recommendationDetail(id),
      followUp,
      casey,
      new Date('2025-06-23T09:00:00Z'),
    );
    expect(outcome.effect).toBe('reopens');
    const reopened = (await env.admin.store.getRecommendation(id)).value;
    expect(reopened.status).toBe('open');
    expect(reopened.statusReason).toBe("Reopened after the auditor's follow-up (Northgate Audit LLP, 2025-06-05: Not implemented – Checks had lapsed.)");
    const paper = await compileMeetingPaper(env.admin.store, '2025-07-15', '2025-06-25');
    expect(paper.reopened).toEqual([expect.objectContaining({ recommendationId: id, reason: reopened.statusReason })]);
    expect(paper.appendix.flatMap((g) => g.items).map((i) => i.recommendation.id)).toContain(id);
  });

  it('refuses a follow-up from anyone but the coordinator', async () => {
    const id = (await recommendation('3.5')).value.id;
    const followUp = { auditor: 'Northgate', date: '2025-06-05', verdict: 'implemented' as const, note: '' };
    await expect(
      recordAuditorFollowUp(env.admin.store, await env.admin.store.recommendationDetail(id), followUp, { ...casey, email: owner, role: 'owner' }, new Date()),
    ).rejects.toThrow('Only the audit coordinator records auditor follow-ups');
  });
});

describe('who may write, against the emulator', () => {
  const env = useProvisionedEmulator();
  const tom = { email: otherOwner, name: 'Tom Hallam', role: 'owner' as const };
  const grace = { email: 'grace.hr@northmere.example', name: 'Grace Okafor', role: 'owner' as const };
  const recommendation = (reference: string, over: Parameters<typeof aRecommendation>[2] = {}) =>
    env.admin.store.upsertRecommendation(aRecommendation(env.auditId, reference, over));
  const directory = () => new GraphDirectory(contextFor(env.emulator, owner).graph);
  const update = async (id: string, as: typeof priya, achieved: string) => {
    const store = contextFor(env.emulator, as.email).store;
    return submitUpdate(store, { ...newDraft(await store.getRecommendation(id), key), achieved }, as, 'June 2025', new Date('2025-06-20T10:00:00Z'));
  };

  it("lets a delegate the owner named see the item and write its update, marked as on the owner's behalf", async () => {
    const id = (await recommendation('4.1')).value.id;
    const priyaStore = contextFor(env.emulator, owner).store;
    await nameDelegate(priyaStore, directory(), await priyaStore.recommendationDetail(id), { email: tom.email, name: 'Tom' }, priya, new Date());
    // Naming the same person again is refused with a reason rather than stored twice.
    await expect(nameDelegate(priyaStore, directory(), await priyaStore.recommendationDetail(id), tom, priya, new Date())).rejects.toThrow(
      'is already a delegate',
    );
    const tomView = await contextFor(env.emulator, otherOwner).store.ownerView(otherOwner, '2025-01-01');
    expect(tomView.register.recommendations.map((r) => r.value.id)).toContain(id);

    expect((await update(id, tom, 'Drafted while Priya is away')).kind).toBe('submitted');
    const detail = await env.admin.store.recommendationDetail(id);
    expect(detail.suspect).toEqual([]);
    expect(detail.updates.map((u) => [u.author.email, u.onBehalfOf?.email, updateAttribution(u)])).toEqual([
      [otherOwner, owner, 'by Tom Hallam on behalf of Priya Anand'],
    ]);
  });

  it('ends a delegation: earlier updates keep counting, later ones are refused, and the owner can name them again', async () => {
    const id = (await recommendation('4.6')).value.id;
    const priyaStore = contextFor(env.emulator, owner).store;
    const tomStore = contextFor(env.emulator, otherOwner).store;
    await nameDelegate(priyaStore, directory(), await priyaStore.recommendationDetail(id), tom, priya, new Date());
    expect((await update(id, tom, 'While Priya was away')).kind).toBe('submitted');

    // Someone else's "ending" is not Priya's word: Grace's record changes nothing.
    const graceStore = contextFor(env.emulator, grace.email).store;
    await expect(endDelegation(graceStore, await graceStore.recommendationDetail(id), tom, grace, new Date())).rejects.toThrow('Only an owner');
    await graceStore.recordDelegation({ recommendationId: id, delegate: tom, idempotencyKey: `forged-end-${id}`, at: new Date().toISOString(), ended: true });
    expect(delegatesOf((await priyaStore.recommendationDetail(id)).recommendation.value, (await priyaStore.recommendationDetail(id)).delegations)).toEqual([
      expect.objectContaining({ email: tom.email }),
    ]);

    // The ending is a second record with its own key; a retry meets it rather than writing another.
    const before = await priyaStore.recommendationDetail(id);
    const ended = await endDelegation(priyaStore, before, tom, priya, new Date());
    expect(ended.ended).toBe(true);
    expect((await endDelegation(priyaStore, before, tom, priya, new Date())).at).toBe(ended.at);
    const after = await env.admin.store.recommendationDetail(id);
    expect(delegatesOf(after.recommendation.value, after.delegations)).toEqual([]);
    expect(after.updates.map((u) => u.achieved)).toEqual(['While Priya was away']);
    expect(after.suspect).toEqual([]);
    expect((await tomStore.ownerView(otherOwner, '2025-01-01')).register.recommendations.map((r) => r.value.id)).not.toContain(id);
    await expect(update(id, tom, 'After the ending')).rejects.toThrow('no longer yours');

    // Named again later, Tom writes again; then he steps down himself.
    await nameDelegate(priyaStore, directory(), await priyaStore.recommendationDetail(id), tom, priya, new Date());
    expect((await update(id, tom, 'Back as delegate')).kind).toBe('submitted');
    await endDelegation(tomStore, await tomStore.recommendationDetail(id), tom, tom, new Date());
    const last = await env.admin.store.recommendationDetail(id);
    expect(delegatesOf(last.recommendation.value, last.delegations)).toEqual([]);
    expect(last.delegations.map((d) => d.ended)).toEqual([false, true, true, false, true]);
    expect(last.suspect.map((s) => s.update.achieved)).toEqual([]);
  });

  it('leaves a delegate the coordinator assigned for the coordinator to remove', async () => {
    const saved = await recommendation('4.7', { delegates: [{ email: grace.email, name: grace.name }] });
    const priyaStore = contextFor(env.emulator, owner).store;
    await expect(endDelegation(priyaStore, await priyaStore.recommendationDetail(saved.value.id), grace, priya, new Date())).rejects.toThrow(
      'ask them to remove the delegate',
    );
  });

  it('ignores a naming by anyone but an owner: the would-be delegate neither sees the item nor counts', async () => {
    const id = (await recommendation('4.2')).value.id;
    const tomStore = contextFor(env.emulator, otherOwner).store;
    // SharePoint lets Tom add to the updates list; the tracker does not take his word that he is a delegate.
    await tomStore.recordDelegation({ recommendationId: id, delegate: tom, idempotencyKey: `self-named-${id}`, at: new Date().toISOString(), ended: false });
    expect((await tomStore.ownerView(otherOwner, '2025-01-01')).register.recommendations.map((r) => r.value.id)).not.toContain(id);
    await expect(update(id, tom, 'Pretending')).rejects.toThrow('no longer yours');
  });

  it('refuses a delegate who is not in the directory, and writes nothing', async () => {
    const id = (await recommendation('4.3')).value.id;
    const priyaStore = contextFor(env.emulator, owner).store;
    const naming = nameDelegate(
      priyaStore,
      directory(),
      await priyaStore.recommendationDetail(id),
      { email: 'left.years.ago@northmere.example', name: 'Sam Left' },
      priya,
      new Date(),
    );
    await expect(naming).rejects.toBeInstanceOf(DelegateNotAllowedError);
    expect((await priyaStore.recommendationDetail(id)).delegations).toEqual([]);
  });

  it('lets a delegate the coordinator assigned write, and keeps a former owner’s updates after a reassignment', async () => {
    const saved = await recommendation('4.4', { delegates: [{ email: grace.email, name: grace.name }] });
    expect((await update(saved.value.id, priya, 'Priya before she moved on')).kind).toBe('submitted');
    expect((await update(saved.value.id, grace, 'Grace as the assigned delegate')).kind).toBe('submitted');
    const current = await env.admin.store.getRecommendation(saved.value.id);
    // SharePoint stamps updates with its own clock, so the reassignment happens now too.
    const reassignedAt = new Date();
    await editRecommendation(env.admin.store, current, { ...current.value, owners: [{ email: tom.email, name: tom.name }] }, casey, reassignedAt);
    const detail = await env.admin.store.recommendationDetail(saved.value.id);
    expect(detail.recommendation.value.formerOwners).toEqual([{ email: owner, name: 'Priya Anand', until: reassignedAt.toISOString() }]);
    expect(detail.updates.map((u) => u.achieved)).toEqual(['Priya before she moved on', 'Grace as the assigned delegate']);
    expect(detail.suspect).toEqual([]);
    // After the reassignment Priya no longer writes here.
    await expect(update(saved.value.id, priya, 'Too late')).rejects.toThrow('no longer yours');
  });

  it('flags items whose owner is no longer in the directory for reassignment', async () => {
    const id = (await recommendation('4.5', { owners: [{ email: 'left.years.ago@northmere.example', name: 'Sam Left' }] })).value.id;
    const view = await loadRegisterView(env.admin.store, '2025-06-20');
    const flagged = needsReassigning(view, await directory().people());
    expect(flagged.find((f) => f.row.recommendation.id === id)?.gone).toEqual([{ email: 'left.years.ago@northmere.example', name: 'Sam Left' }]);
    expect(flagged.every((f) => f.gone.every((p) => p.email === 'left.years.ago@northmere.example'))).toBe(true);
  });
});

describe('withdrawals are the panel’s to note, against the emulator', () => {
  const env = useProvisionedEmulator();
  const recommendation = (reference: string) => env.admin.store.upsertRecommendation(aRecommendation(env.auditId, reference));
  const context = { actor: casey, now: new Date('2025-07-15T14:00:00Z'), meetingId: 'meeting' };

  it('reports a proposed withdrawal in the paper until the panel notes it, and keeps it running until then', async () => {
    const meeting = await env.admin.store.saveMeeting({ title: 'Panel July 2025', date: '2025-07-15', updateDeadline: '2025-06-24', cycle: 'June 2025' });
    const id = (await recommendation('5.1')).value.id;
    const before = await compileMeetingPaper(env.admin.store, '2025-07-15', '2025-06-25');
    await performTransition(env.admin.store, await env.admin.store.recommendationDetail(id), 'markSuperseded', casey, new Date('2025-06-25T10:00:00Z'), {
      reason: 'Replaced by recommendation 2.1 of the 2025 fleet audit',
    });
    const proposed = await compileMeetingPaper(env.admin.store, '2025-07-15', '2025-06-25');
    expect(proposed.withdrawals).toEqual([
      expect.objectContaining({ recommendationId: id, withdrawal: 'superseded', reason: 'Replaced by recommendation 2.1 of the 2025 fleet audit' }),
    ]);
    expect(proposed.summary.total.running).toBe(before.summary.total.running);

    await issueTestPaper(env, meeting.id, '2025-06-25');
    await recordWithdrawalDecision(env.admin.store, id, { noted: true }, { ...context, meetingId: meeting.id });
    const noted = await compileMeetingPaper(env.admin.store, '2025-07-15', '2025-06-25');
    expect(noted.withdrawals).toEqual([]);
    expect(noted.summary.total.running).toBe(before.summary.total.running - 1);
    const detail = await env.admin.store.recommendationDetail(id);
    expect(detail.recommendation.value.status).toBe('superseded');
    expect(detail.decisions.map((d) => [d.kind, d.meetingId])).toEqual([
      ['markSuperseded', undefined],
      ['panelNoteWithdrawal', meeting.id],
    ]);
  });

  it('reopens a withdrawal the panel did not accept, with its reason, and refuses to note one never proposed', async () => {
    const id = (await recommendation('5.2')).value.id;
    await performTransition(env.admin.store, await env.admin.store.recommendationDetail(id), 'markNotAdopted', casey, new Date(), { reason: 'Too costly' });
    const october = await env.admin.store.saveMeeting({
      title: 'Panel October 2025',
      date: '2025-10-14',
      updateDeadline: '2025-09-23',
      cycle: 'September 2025',
    });
    await issueTestPaper(env, october.id, '2025-09-25');
    const at = { ...context, meetingId: october.id };
    const never = (await recommendation('5.3')).value.id;
    await expect(recordWithdrawalDecision(env.admin.store, never, { noted: true }, at)).rejects.toThrow('5.3 was not in the paper issued');
    await recordWithdrawalDecision(env.admin.store, id, { noted: false, reason: 'The panel wants a cheaper option explored' }, at);
    expect((await env.admin.store.getRecommendation(id)).value).toMatchObject({ status: 'open', statusReason: 'The panel wants a cheaper option explored' });
  });
});

describe('targets as the organisation words them, against the emulator', () => {
  const env = useProvisionedEmulator();
  const recommendation = (reference: string) => env.admin.store.upsertRecommendation(aRecommendation(env.auditId, reference));

  it('records a revision in any wording, agreed by management, without spending the coordinator’s allowance', async () => {
    const saved = await recommendation('6.1');
    const revised = await recordTargetRevision(
      env.admin.store,
      saved,
      { target: parseTargetDate('3rd Qtr 2025-26'), reason: 'Supplier delay agreed by the chief officers', approvedBy: 'management' },
      casey,
      new Date('2025-06-10T10:00:00Z'),
    );
    expect(revised.value.targets.revisions.at(-1)).toMatchObject({ target: { text: '3rd Qtr 2025-26', due: '2025-12-31' }, approvedBy: 'management' });
    expect(nextRevisionNeedsPanel(revised.value.targets).needsPanel).toBe(false);
    const again = await recordTargetRevision(
      env.admin.store,
      revised,
      { target: parseTargetDate('TBC – final checks'), reason: 'Final checks outstanding', approvedBy: 'coordinator' },
      casey,
      new Date('2025-06-11T10:00:00Z'),
    );
    expect(currentTarget(again.value.targets)).toEqual({ text: 'TBC – final checks', flag: 'noDate' });
    const trail = (await env.admin.store.recommendationDetail(saved.value.id)).decisions.map((d) => [d.kind, d.detail]);
    expect(trail).toEqual([
      ['targetRevised', '3rd Qtr 2025-26, agreed by the management: Supplier delay agreed by the chief officers'],
      ['targetRevised', 'TBC – final checks, agreed by the coordinator: Final checks outstanding'],
    ]);
  });

  it('corrects the original target with a trail entry, keeping the revisions', async () => {
    const saved = await recommendation('6.2');
    const corrected = await correctOriginalTarget(env.admin.store, saved, parseTargetDate('31st March 2024'), 'Typed from the wrong report', casey, new Date());
    expect(corrected.value.targets.original).toEqual({ text: '31st March 2024', from: '2024-03-31', due: '2024-03-31' });
    const [entry] = (await env.admin.store.recommendationDetail(saved.value.id)).decisions;
    expect(entry).toMatchObject({ kind: 'originalTargetCorrected', detail: 'From March 2025 to 31st March 2024: Typed from the wrong report' });
    await expect(correctOriginalTarget(env.admin.store, corrected, parseTargetDate('April 2024'), ' ', casey, new Date())).rejects.toThrow(
      'Say why the original target was wrong',
    );
  });

  it('takes an owner’s request with no date, flags it, and lets the coordinator refuse it so it no longer waits', async () => {
    await env.admin.store.saveMeeting({ title: 'Panel July 2025', date: '2025-07-15', updateDeadline: '2025-06-24', cycle: 'June 2025' });
    const id = (await recommendation('6.3')).value.id;
    const ownerStore = contextFor(env.emulator, owner).store;
    const draft = {
      ...newDraft(await ownerStore.getRecommendation(id), key),
      achieved: 'Waiting on the supplier.',
      requestNewTarget: true,
      newTargetDate: 'TBC – final checks',
      newTargetReason: 'Supplier has not confirmed a date',
    };
    expect((await submitUpdate(ownerStore, draft, priya, 'June 2025', new Date('2025-06-20T10:00:00Z'))).kind).toBe('submitted');
    const waiting = reviewQueue(await loadRegisterView(env.admin.store, '2025-06-25')).targetRequests.find((t) => t.row.recommendation.id === id);
    expect(waiting?.request.targetRequest?.target).toEqual({ text: 'TBC – final checks', flag: 'noDate' });
    const current = await env.admin.store.getRecommendation(id);
    await expect(decideTargetRequest(env.admin.store, current, waiting!.request, { by: 'coordinator', grant: true }, casey, new Date())).rejects.toThrow(
      'has no date to approve',
    );
    await expect(decideTargetRequest(env.admin.store, current, waiting!.request, { by: 'coordinator', grant: false }, casey, new Date())).rejects.toThrow(
      'Give the owner a reason',
    );
    await decideTargetRequest(env.admin.store, current, waiting!.request, { by: 'coordinator', grant: false, reason: 'Give a date first' }, casey, new Date());
    expect(reviewQueue(await loadRegisterView(env.admin.store, '2025-06-25')).targetRequests.map((t) => t.row.recommendation.id)).not.toContain(id);
    const paper = await compileMeetingPaper(env.admin.store, '2025-07-15', '2025-06-25');
    expect(paper.extensionRequests.map((e) => e.recommendationId)).not.toContain(id);
    const [refusal] = (await env.admin.store.recommendationDetail(id)).decisions;
    expect(refusal).toMatchObject({
      kind: 'extensionRefusedByCoordinator',
      detail: 'TBC – final checks: Supplier has not confirmed a date – Give a date first',
    });
  });
});

describe('panel decisions as committees make them, against the emulator', () => {
  const env = useProvisionedEmulator();
  const toPanel = (reference: string) => putToPanel(env, reference);

  it('agrees one closure, one subject to a condition (open until confirmed), notes one, and lists them RESOLVED', async () => {
    const { july, october } = await julyAndOctober(env);
    const [agreed, conditional, noted] = [await toPanel('7.1'), await toPanel('7.2'), await toPanel('7.3')];
    await issueTestPaper(env, july.id, '2025-07-01');
    const at = (minute: number) => ({ actor: casey, now: new Date(`2025-07-15T14:0${minute}:00Z`), meetingId: july.id });
    await recordClosureDecision(env.admin.store, agreed, { kind: 'agree' }, at(1));
    await recordClosureDecision(env.admin.store, conditional, { kind: 'agreeSubjectTo', condition: 'approval of the procedure at the staff committee' }, at(2));
    await recordClosureDecision(env.admin.store, noted, { kind: 'note' }, at(3));
    await logPanelAction(
      env.admin.store,
      { text: 'provide a table of every slipped target', who: 'The audit coordinator', dueAt: october.id },
      july.id,
      casey,
      'action-table',
    );
    await logPanelAction(
      env.admin.store,
      { text: 'report on the fleet replacement plan', who: 'The Head of Fleet', recommendationId: noted },
      july.id,
      casey,
      'action-fleet',
    );
    // A retried save is the same action.
    await logPanelAction(
      env.admin.store,
      { text: 'report on the fleet replacement plan', who: 'The Head of Fleet', recommendationId: noted },
      july.id,
      casey,
      'action-fleet',
    );

    const stillOpen = (await env.admin.store.getRecommendation(conditional)).value;
    expect(stillOpen).toMatchObject({ status: 'conditionallyAgreed', closureCondition: 'approval of the procedure at the staff committee' });
    expect((await env.admin.store.getRecommendation(noted)).value.status).toBe('acceptedForPanel');

    const data = await loadPaperData(env.admin.store, '2025-07-16');
    const list = decisionList(data, july.id);
    expect(list.resolutions.map((r) => [r.heading.replace(/^.* – /, ''), r.clauses])).toEqual([
      ['7.1 Recommendation 7.1', ['the closure of the recommendation be agreed']],
      ['7.2 Recommendation 7.2', ['the closure of the recommendation be agreed subject to approval of the procedure at the staff committee']],
      ['7.3 Recommendation 7.3', ['the update be noted', 'The Head of Fleet be requested to report on the fleet replacement plan, for a future meeting']],
      ['Audit recommendations report', ['The audit coordinator be requested to provide a table of every slipped target, for the meeting of 2025-10-14']],
    ]);

    // The next paper carries the actions, the condition still awaited, and the noted closure still before the panel.
    const next = paperForMeeting(data, october.id);
    expect(next.actions.map((a) => [a.action.who, a.dueNow])).toEqual([
      ['The audit coordinator', true],
      ['The Head of Fleet', false],
    ]);
    expect(next.awaitingCondition.map((a) => [a.recommendationId, a.condition])).toEqual([[conditional, 'approval of the procedure at the staff committee']]);
    expect(next.acceptedForPanel.map((a) => a.recommendationId)).toContain(noted);

    // Done actions drop out; the condition confirmed closes the item.
    const table = data.panelActions.find((a) => a.value.who === 'The audit coordinator')!;
    await completePanelAction(env.admin.store, table, 'Table provided with the October paper', casey);
    await expect(completePanelAction(env.admin.store, table, 'Again', casey)).rejects.toBeInstanceOf(ConflictError);
    await performTransition(env.admin.store, await env.admin.store.recommendationDetail(conditional), 'confirmCondition', casey, new Date(), {
      reason: 'Approved at the staff committee on 3 September',
    });
    const after = paperForMeeting(await loadPaperData(env.admin.store, '2025-10-01'), october.id);
    expect(after.actions.map((a) => a.action.who)).toEqual(['The Head of Fleet']);
    expect(after.awaitingCondition).toEqual([]);
    expect((await env.admin.store.getRecommendation(conditional)).value.status).toBe('closed');
  });

  it('refuses an action with no text or no one asked, saying which', async () => {
    await expect(logPanelAction(env.admin.store, { text: ' ', who: '' }, 'm', casey, 'bad')).rejects.toThrow(
      'Say what the panel asked for; Say who the panel asked',
    );
  });
});
