import { describe, expect, it } from 'vitest';
import { performTransition } from '../../src/application/coordinator/review';
import { compileMeetingPaper, loadPaperData, paperForMeeting } from '../../src/application/panel/meeting-paper';
import { decisionList } from '../../src/application/panel/panel-actions';
import { closeMeetingDecisions, recordClosureDecision, recordExtensionDecision, undoPanelDecision } from '../../src/application/panel/panel-decisions';
import type { Actor } from '../../src/application/shared/actor';
import { currentTarget, DecisionNotOpenError, parseTargetDate, undoableDecisions } from '../../src/domain';
import { aRecommendation, anUpdate } from '../support/builders';
import { contextFor, coordinator, owner } from '../support/emulator-harness';
import { issueTestPaper, julyAndOctober, putToPanel, useProvisionedEmulator } from '../support/provisioned-emulator';

const casey: Actor = { email: coordinator, name: 'Casey Marlow', role: 'coordinator' };

describe("the panel's record of a meeting, against the emulator", () => {
  const env = useProvisionedEmulator();
  const at = (meetingId: string, minute = 0) => ({ actor: casey, now: new Date(`2025-07-15T14:${String(minute).padStart(2, '0')}:00Z`), meetingId });
  const toPanel = (reference: string) => putToPanel(env, reference);
  const statusOf = async (id: string) => (await env.admin.store.getRecommendation(id)).value.status;
  const trailOf = async (id: string) => (await env.admin.store.recommendationDetail(id)).decisions;

  it('records decisions only against the issued paper, undoes them until the meeting closes, and the next paper follows', async () => {
    const { july, october } = await julyAndOctober(env);
    const [agreed, refused, noted] = [await toPanel('8.1'), await toPanel('8.2'), await toPanel('8.3')];

    await expect(recordClosureDecision(env.admin.store, agreed, { kind: 'agree' }, at(july.id))).rejects.toThrow('Issue the paper for Panel July 2025 first');
    const issued = await issueTestPaper(env, july.id, '2025-07-01');
    expect(issued.issued?.subjects?.closures).toEqual(expect.arrayContaining([agreed, refused, noted]));
    // Accepted after the paper went out: the panel never saw it, so it waits for the next paper.
    const late = await toPanel('8.4');
    await expect(recordClosureDecision(env.admin.store, late, { kind: 'agree' }, at(july.id))).rejects.toThrow('8.4 was not in the paper issued');

    await recordClosureDecision(env.admin.store, agreed, { kind: 'agree' }, at(july.id, 1));
    await recordClosureDecision(env.admin.store, refused, { kind: 'notAccept', reason: 'No evidence the checks are done' }, at(july.id, 2));
    await recordClosureDecision(env.admin.store, noted, { kind: 'note' }, at(july.id, 3));
    const agreement = (await trailOf(agreed)).find((d) => d.kind === 'panelAgreeClosure');
    expect(agreement?.paperSha256).toBe(issued.issued?.sha256);
    expect(paperForMeeting(await loadPaperData(env.admin.store, '2025-09-25'), october.id).summary.total.notAccepted).toBe(1);

    // Recorded in error: each is taken back, the item is as it was, and the trail keeps both.
    await undoPanelDecision(env.admin.store, agreed, agreement?.idempotencyKey ?? '', { actor: casey, now: new Date() });
    expect(await statusOf(agreed)).toBe('acceptedForPanel');
    expect((await trailOf(agreed)).map((d) => d.kind)).toEqual(['acceptForPanel', 'panelAgreeClosure', 'panelDecisionUndone']);
    await expect(undoPanelDecision(env.admin.store, agreed, agreement?.idempotencyKey ?? '', { actor: casey, now: new Date() })).rejects.toThrow(
      'can no longer be undone',
    );
    const refusal = (await trailOf(refused)).find((d) => d.kind === 'panelNotAcceptClosure');
    await undoPanelDecision(env.admin.store, refused, refusal?.idempotencyKey ?? '', { actor: casey, now: new Date() });
    expect((await env.admin.store.getRecommendation(refused)).value).toMatchObject({ status: 'acceptedForPanel', statusReason: undefined });
    const noting = (await trailOf(noted)).find((d) => d.kind === 'panelNoted');
    await undoPanelDecision(env.admin.store, noted, noting?.idempotencyKey ?? '', { actor: casey, now: new Date() });

    const afterUndo = await loadPaperData(env.admin.store, '2025-09-25');
    expect(paperForMeeting(afterUndo, october.id).summary.total.notAccepted).toBe(0);
    expect(decisionList(afterUndo, july.id).resolutions).toEqual([]);

    // Decided again, as the panel really resolved: the same decision after an undo is recorded anew.
    await recordClosureDecision(env.admin.store, agreed, { kind: 'agree' }, at(july.id, 5));
    await recordClosureDecision(env.admin.store, noted, { kind: 'note' }, at(july.id, 6));
    const decided = await loadPaperData(env.admin.store, '2025-09-25');
    expect(decisionList(decided, july.id).resolutions.map((r) => r.clauses)).toEqual([
      ['the closure of the recommendation be agreed'],
      ['the update be noted'],
    ]);
    expect(undoableDecisions(issued, decided.decisions).map((d) => d.recommendationId)).toEqual([agreed, noted]);

    // Closed: the record stands as the minutes have it.
    const closed = await closeMeetingDecisions(env.admin.store, issued, casey, new Date());
    expect(decisionList(await loadPaperData(env.admin.store, '2025-09-25'), july.id).standing).toContain('The decisions were closed on');
    const lastAgreement = (await trailOf(agreed)).filter((d) => d.kind === 'panelAgreeClosure').at(-1);
    await expect(undoPanelDecision(env.admin.store, agreed, lastAgreement?.idempotencyKey ?? '', { actor: casey, now: new Date() })).rejects.toBeInstanceOf(
      DecisionNotOpenError,
    );
    await expect(recordClosureDecision(env.admin.store, refused, { kind: 'agree' }, at(closed.id, 9))).rejects.toThrow('were closed on');

    // The next paper follows: the agreed item has gone, the undone refusal and the noted one are still before the panel.
    const next = await compileMeetingPaper(env.admin.store, october.id, '2025-09-25');
    expect(next.acceptedForPanel.map((a) => a.recommendationId)).toEqual(expect.arrayContaining([refused, noted, late]));
    expect(next.acceptedForPanel.map((a) => a.recommendationId)).not.toContain(agreed);
  });

  it('puts back the target an extension changed, never an undo of a decision the item has moved on from', async () => {
    const meeting = await env.admin.store.saveMeeting({
      title: 'Panel January 2026',
      date: '2026-01-20',
      updateDeadline: '2025-12-30',
      cycle: 'December 2025',
    });
    const item = await env.admin.store.upsertRecommendation(aRecommendation(env.auditId, '9.1'));
    await contextFor(env.emulator, owner).store.addUpdate(
      anUpdate(item.value.id, {
        cycle: 'December 2025',
        achieved: 'Supplier late',
        submittedAt: '2025-12-20T10:00:00Z',
        targetRequest: { target: parseTargetDate('March 2026'), reason: 'Supplier late' },
      }),
    );
    const conditional = await toPanel('9.2');
    const issued = await issueTestPaper(env, meeting.id, '2026-01-05');
    expect(issued.issued?.subjects?.extensions).toContain(item.value.id);
    const before = currentTarget(item.value.targets);

    const granted = await recordExtensionDecision(env.admin.store, item.value.id, true, at(meeting.id));
    expect(currentTarget(granted.value.targets).text).toBe('March 2026');
    const grant = (await trailOf(item.value.id)).find((d) => d.kind === 'extensionGranted');
    await undoPanelDecision(env.admin.store, item.value.id, grant?.idempotencyKey ?? '', { actor: casey, now: new Date() });
    const restored = await env.admin.store.getRecommendation(item.value.id);
    expect(currentTarget(restored.value.targets)).toEqual(before);
    expect(restored.value.targets.revisions).toEqual([]);
    // Undone, the request waits for the panel again.
    expect(paperForMeeting(await loadPaperData(env.admin.store, '2026-01-05'), meeting.id).extensionRequests.map((e) => e.recommendationId)).toContain(
      item.value.id,
    );

    await recordClosureDecision(
      env.admin.store,
      conditional,
      { kind: 'agreeSubjectTo', condition: 'the policy approved at the staff committee' },
      at(meeting.id),
    );
    await performTransition(env.admin.store, await env.admin.store.recommendationDetail(conditional), 'confirmCondition', casey, new Date(), {
      reason: 'Approved on 3 February',
    });
    const subjectTo = (await trailOf(conditional)).find((d) => d.kind === 'panelAgreeSubjectTo');
    await expect(undoPanelDecision(env.admin.store, conditional, subjectTo?.idempotencyKey ?? '', { actor: casey, now: new Date() })).rejects.toThrow(
      'can no longer be undone',
    );
    expect(await statusOf(conditional)).toBe('closed');
  });

  it('finishes an undo whose answer was lost after its record was written, rather than refusing it', async () => {
    const meeting = await env.admin.store.saveMeeting({ title: 'Panel April 2026', date: '2026-04-21', updateDeadline: '2026-03-31', cycle: 'March 2026' });
    const id = await toPanel('10.1');
    await issueTestPaper(env, meeting.id, '2026-04-01');
    await recordClosureDecision(env.admin.store, id, { kind: 'agree' }, at(meeting.id));
    const current = await env.admin.store.getRecommendation(id);
    const agreement = (await trailOf(id)).find((d) => d.kind === 'panelAgreeClosure');
    // What a crash between the two writes leaves: the undo's record, keyed by the version it changes, and no change.
    await env.admin.store.recordDecision({
      recommendationId: id,
      meetingId: meeting.id,
      kind: 'panelDecisionUndone',
      actor: coordinator,
      at: new Date().toISOString(),
      detail: 'Closure agreed by the panel',
      idempotencyKey: `${id}:${current.etag}:panelDecisionUndone`,
      subjectId: agreement?.idempotencyKey,
    });
    await undoPanelDecision(env.admin.store, id, agreement?.idempotencyKey ?? '', { actor: casey, now: new Date() });
    expect(await statusOf(id)).toBe('acceptedForPanel');
    expect((await trailOf(id)).filter((d) => d.kind === 'panelDecisionUndone')).toHaveLength(1);
  });
});
