import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server';
import { ForbiddenError } from '../../src/application/ports';
import { submitUpdate } from '../../src/application/owner/submit-update';
import { newDraft } from '../../src/application/owner/update-draft';
import { IllegalTransitionError, parseOpinion, parseTargetDate, type Recommendation } from '../../src/domain';
import type { JobContext } from '../../src/jobs/job-context';
import { aRecommendation } from '../support/builders';
import { contextFor, otherOwner, owner, provisioned, startTestEmulator } from '../support/emulator-harness';

const priya = { email: owner, name: 'Priya Anand', role: 'owner' as const };
let counter = 0;
const key = (): string => `submit-key-${++counter}-${Date.now()}`;

describe("submitting an owner's update", () => {
  let emulator: Emulator;
  let admin: JobContext;
  let auditId: string;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    admin = await provisioned(emulator);
    auditId = (
      await admin.store.upsertAudit({
        title: 'Vetting',
        issuedYear: 2021,
        issuedMonth: 2,
        auditor: 'Northgate',
        opinion: parseOpinion('SATISFACTORY ASSURANCE'),
      })
    ).value.id;
  });
  afterAll(() => emulator.close());

  const recommendation = (reference: string, over: Partial<Recommendation> = {}) =>
    admin.store.upsertRecommendation(aRecommendation(auditId, reference, { targets: { original: parseTargetDate('May 2022'), revisions: [] }, ...over }));

  it('reports what changed since the owner opened it, then submits once they have seen it', async () => {
    const ownerStore = contextFor(emulator, owner).store;
    const opened = await ownerStore.getRecommendation((await recommendation('4.1')).value.id);
    const draft = { ...newDraft(opened, key), achieved: 'Dashboard built' };
    const current = await admin.store.getRecommendation(opened.value.id);
    await admin.store.saveRecommendation({
      ...current,
      value: {
        ...current.value,
        targets: {
          ...current.value.targets,
          revisions: [{ target: parseTargetDate('Aug 2025'), reason: 'Agreed at panel', requestedBy: priya, approvedBy: 'panel', approvedOn: '2025-04-01' }],
        },
      },
    });
    const first = await submitUpdate(ownerStore, draft, priya, 'June 2025', new Date('2025-05-20T10:00:00Z'));
    expect(first.kind).toBe('changed');
    if (first.kind !== 'changed') return;
    expect(first.changes).toEqual(['Target date changed from May 2022 to Aug 2025']);
    expect(await ownerStore.updatesFor(opened.value.id)).toEqual([]);
    const second = await submitUpdate(ownerStore, { ...draft, opened: first.current }, priya, 'June 2025', new Date('2025-05-20T10:01:00Z'));
    expect(second.kind).toBe('submitted');
    expect((await ownerStore.updatesFor(opened.value.id)).map((u) => u.achieved)).toEqual(['Dashboard built']);
  });

  it('refuses an update to a recommendation reassigned meanwhile', async () => {
    const ownerStore = contextFor(emulator, owner).store;
    const opened = await ownerStore.getRecommendation((await recommendation('4.2')).value.id);
    await recommendation('4.2', { owners: [{ email: otherOwner, name: 'Tom Hallam' }] });
    await expect(submitUpdate(ownerStore, { ...newDraft(opened, key), achieved: 'x' }, priya, 'June 2025', new Date())).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('refuses a closure proposal on an item the lifecycle no longer allows one for', async () => {
    const ownerStore = contextFor(emulator, owner).store;
    const opened = await ownerStore.getRecommendation((await recommendation('4.3', { status: 'closed', statusChangedAt: '2025-05-01T10:00:00Z' })).value.id);
    const draft = {
      ...newDraft(opened, key),
      achieved: 'Done',
      proposesClosure: true,
      closureNarrative: 'Procedure in use',
      evidence: [{ name: 'p.docx', url: 'https://example.org/p.docx' }],
    };
    await expect(submitUpdate(ownerStore, draft, priya, 'June 2025', new Date())).rejects.toBeInstanceOf(IllegalTransitionError);
    expect(await ownerStore.updatesFor(opened.value.id)).toEqual([]);
  });

  it('under 20% injected faults, every submission lands exactly once', async () => {
    const ids = await Promise.all(['5.1', '5.2', '5.3', '5.4'].map(async (ref) => (await recommendation(ref)).value.id));
    const ownerStore = contextFor(emulator, owner).store;
    emulator.faults.plan = {
      throttle: [
        { status: 429, probability: 0.1 },
        { status: 503, probability: 0.05 },
      ],
      lost: 0.05,
    };
    try {
      for (const id of ids) {
        const opened = await ownerStore.getRecommendation(id);
        for (let n = 0; n < 5; n++) {
          const draft = { ...newDraft(opened, key), achieved: `Progress ${n}` };
          let result = await submitUpdate(ownerStore, draft, priya, 'June 2025', new Date()).catch(() => undefined);
          // The owner presses Submit again after an error: the same draft, the same key.
          while (!result) result = await submitUpdate(ownerStore, draft, priya, 'June 2025', new Date()).catch(() => undefined);
          expect(result.kind).toBe('submitted');
        }
      }
    } finally {
      emulator.faults.plan = { throttle: [], lost: 0 };
    }
    for (const id of ids) {
      const updates = await admin.store.updatesFor(id);
      expect(updates.map((u) => u.achieved).sort()).toEqual(['Progress 0', 'Progress 1', 'Progress 2', 'Progress 3', 'Progress 4']);
    }
  });
});
