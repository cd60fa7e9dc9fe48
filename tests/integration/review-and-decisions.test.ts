import { GraphEvidenceStore } from '../../src/adapters/graph/graph-evidence-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server';
import { auditSubject, meetingSubject, recordAudit, scheduleMeeting } from '../../src/application/coordinator/audits-and-meetings';
import { applyImport, previewImport } from '../../src/application/coordinator/import-register';
import { ConflictError, ForbiddenError } from '../../src/application/ports';
import { issuePaper } from '../../src/application/panel/issue-paper';
import { compileMeetingPaper } from '../../src/application/panel/meeting-paper';
import { recordClosureDecision } from '../../src/application/panel/panel-decisions';
import { decideTargetRequest, performTransition, recordNoteOnBehalf } from '../../src/application/coordinator/review';
import type { Actor } from '../../src/application/shared/actor';
import {
  DecisionNotOpenError,
  IllegalTransitionError,
  parseOpinion,
  parseTargetDate,
  RevisionNotAllowedError,
  templateColumns,
  type OwnerUpdate,
} from '../../src/domain';
import type { JobContext } from '../../src/jobs/job-context';
import { aRecommendation, anUpdate } from '../support/builders';
import { contextFor, coordinator, owner, provisioned, startTestEmulator } from '../support/emulator-harness';

const casey: Actor = { email: coordinator, name: 'Casey Marlow', role: 'coordinator' };
const priya: Actor = { email: owner, name: 'Priya Anand', role: 'owner' };
const now = new Date('2025-06-25T10:00:00Z');

describe('coordinator review and panel decisions against the emulator', () => {
  let emulator: Emulator;
  let admin: JobContext;
  let auditId: string;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    admin = await provisioned(emulator);
    auditId = (
      await admin.store.upsertAudit({
        title: 'Seized Property',
        issuedYear: 2022,
        issuedMonth: 5,
        auditor: 'Northgate',
        opinion: parseOpinion('LIMITED ASSURANCE'),
      })
    ).value.id;
    await admin.store.saveMeeting({ title: 'Panel July 2025', date: '2025-07-15', updateDeadline: '2025-06-24', cycle: 'June 2025' });
  });
  afterAll(() => emulator.close());

  const recommendation = (reference: string) => admin.store.upsertRecommendation(aRecommendation(auditId, reference, { priority: 'High' }));
  const ownerUpdate = (recommendationId: string, over: Partial<OwnerUpdate> = {}) =>
    contextFor(emulator, owner).store.addUpdate(
      anUpdate(recommendationId, { cycle: 'June 2025', achieved: 'Done', submittedAt: '2025-06-20T10:00:00Z', ...over }),
    );

  it('takes a proposal through coordinator acceptance and panel agreement, and the paper follows', async () => {
    const id = (await recommendation('1')).value.id;
    await ownerUpdate(id, {
      proposesClosure: true,
      closureNarrative: 'Property audit complete',
      evidence: [{ name: 'audit.pdf', url: 'https://x.example/audit.pdf' }],
    });
    const before = await compileMeetingPaper(admin.store, '2025-07-15', '2025-06-25');

    await expect(
      performTransition(admin.store, await contextFor(emulator, owner).store.recommendationDetail(id), 'acceptForPanel', priya, now, {
        evidence: new GraphEvidenceStore(admin.graph, admin.siteId),
      }),
    ).rejects.toBeInstanceOf(IllegalTransitionError);
    await performTransition(admin.store, await admin.store.recommendationDetail(id), 'acceptForPanel', casey, now, {
      evidence: new GraphEvidenceStore(admin.graph, admin.siteId),
    });
    const during = await compileMeetingPaper(admin.store, '2025-07-15', '2025-06-25');
    expect(during.summary.total.acceptedForPanel).toBe(before.summary.total.acceptedForPanel + 1);
    expect(during.acceptedForPanel.map((p) => p.recommendationId)).toContain(id);

    // The panel's decision is recorded against the paper it was issued, never as a bare step.
    await expect(performTransition(admin.store, await admin.store.recommendationDetail(id), 'panelAgreeClosure', casey, now)).rejects.toBeInstanceOf(
      DecisionNotOpenError,
    );
    const issued = await issuePaper(admin.store, new GraphEvidenceStore(admin.graph, admin.siteId), during, new TextEncoder().encode('July'), casey, now);
    await recordClosureDecision(admin.store, id, { kind: 'agree' }, { actor: casey, now, meetingId: issued.id });
    const after = await compileMeetingPaper(admin.store, '2025-07-15', '2025-06-25');
    expect(after.summary.total.running).toBe(before.summary.total.running - 1);
    const detail = await admin.store.recommendationDetail(id);
    expect(detail.recommendation.value.status).toBe('closed');
    expect(detail.decisions.map((d) => d.kind)).toEqual(['acceptForPanel', 'panelAgreeClosure']);
  });

  it('returns a proposal to the owner only with a comment, which the owner then sees', async () => {
    const id = (await recommendation('2')).value.id;
    await ownerUpdate(id, { proposesClosure: true, closureNarrative: 'Nearly', evidence: [{ name: 'draft.docx', url: 'https://x.example/draft.docx' }] });
    await expect(performTransition(admin.store, await admin.store.recommendationDetail(id), 'returnToOwner', casey, now)).rejects.toThrow('Give a reason');
    await performTransition(admin.store, await admin.store.recommendationDetail(id), 'returnToOwner', casey, now, { reason: 'The procedure is still a draft' });
    const seen = await contextFor(emulator, owner).store.recommendationDetail(id);
    expect(seen.recommendation.value).toMatchObject({ status: 'returnedToOwner', statusReason: 'The procedure is still a draft' });
  });

  it('lets the coordinator approve one new target, then needs the panel', async () => {
    const id = (await recommendation('3')).value.id;
    const first = await ownerUpdate(id, { targetRequest: { target: parseTargetDate('Sept 2025'), reason: 'Supplier late' } });
    const once = await decideTargetRequest(admin.store, await admin.store.getRecommendation(id), first, { by: 'coordinator', grant: true }, casey, now);
    expect(once.value.targets.revisions.map((r) => [r.target.text, r.approvedBy])).toEqual([['Sept 2025', 'coordinator']]);
    const second = await ownerUpdate(id, { targetRequest: { target: parseTargetDate('Dec 2025'), reason: 'Supplier later still' } });
    await expect(decideTargetRequest(admin.store, once, second, { by: 'coordinator', grant: true }, casey, now)).rejects.toBeInstanceOf(
      RevisionNotAllowedError,
    );
    const granted = await decideTargetRequest(admin.store, once, second, { by: 'panel', grant: true }, casey, now);
    expect(granted.value.targets.revisions.map((r) => r.approvedBy)).toEqual(['coordinator', 'panel']);
    expect(granted.value.targets.original.text).toBe('March 2025');
  });

  it('detects two coordinators deciding on the same version, losing neither decision silently', async () => {
    const id = (await recommendation('4')).value.id;
    const seenByBoth = await admin.store.recommendationDetail(id);
    await performTransition(admin.store, seenByBoth, 'markRiskAccepted', casey, now, { reason: 'Cost outweighs risk' });
    const second = performTransition(
      contextFor(emulator, 'jordan.lead@northmere.example').store,
      seenByBoth,
      'markSuperseded',
      { ...casey, email: 'jordan.lead@northmere.example' },
      now,
      { reason: 'Replaced' },
    );
    await expect(second).rejects.toBeInstanceOf(ConflictError);
    expect((await admin.store.getRecommendation(id)).value).toMatchObject({ status: 'withdrawalProposed', withdrawal: 'riskAccepted' });
  });

  it('records a note on behalf of an owner who could not update', async () => {
    const rec = (await recommendation('5')).value;
    const note = await recordNoteOnBehalf(admin.store, rec, 'Lead unwell at the time of reporting', 'June 2025', casey, 'note-key-0001', now);
    expect(note).toMatchObject({ kind: 'coordinatorNote', onBehalfOf: { email: owner }, author: { email: coordinator } });
  });

  it('records audits and meetings through their use-cases: coordinator only, each with a trail entry', async () => {
    const audit = { title: 'Fleet Fuel', issuedYear: 2025, issuedMonth: 3, auditor: 'Northgate Audit LLP', opinion: parseOpinion('MODERATE OPINION') };
    await expect(recordAudit(contextFor(emulator, owner).store, audit, priya, now)).rejects.toBeInstanceOf(ForbiddenError);
    const saved = await recordAudit(admin.store, audit, casey, now);
    const meeting = await scheduleMeeting(
      admin.store,
      { title: 'Panel October 2025', date: '2025-10-14', updateDeadline: '2025-09-23', cycle: 'September 2025' },
      casey,
      now,
    );
    await expect(
      scheduleMeeting(contextFor(emulator, owner).store, { title: 'x', date: '2025-11-01', updateDeadline: '2025-10-01', cycle: 'October 2025' }, priya, now),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const trail = await admin.gateway.query('decisions', { select: ['RecommendationId', 'Kind', 'MeetingId', 'DetailJson'] });
    const kinds = trail.map((t) => [t.fields.RecommendationId, t.fields.Kind]);
    expect(kinds).toContainEqual([auditSubject(saved.value.id), 'auditRecorded']);
    expect(kinds).toContainEqual([meetingSubject(meeting.id), 'meetingScheduled']);
    expect(trail.find((t) => t.fields.Kind === 'auditRecorded')?.fields.DetailJson).toBe(
      'Fleet Fuel, March 2025: MODERATE OPINION; auditor Northgate Audit LLP',
    );
  });

  it('refuses notes, target decisions and imports from anyone but the coordinator', async () => {
    const item = await recommendation('9');
    await expect(recordNoteOnBehalf(admin.store, item.value, 'Lead unwell', 'June 2025', priya, 'note-by-owner', now)).rejects.toBeInstanceOf(ForbiddenError);
    const request = await ownerUpdate(item.value.id, { targetRequest: { target: parseTargetDate('Sept 2025'), reason: 'Supplier late' } });
    await expect(decideTargetRequest(admin.store, item, request, { by: 'coordinator', grant: true }, priya, now)).rejects.toBeInstanceOf(ForbiddenError);
    const preview = await previewImport(admin.store, [[...templateColumns]], '2025-06-25');
    await expect(applyImport(admin.store, preview, priya, now)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
