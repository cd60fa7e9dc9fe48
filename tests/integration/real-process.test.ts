import { describe, expect, it } from 'vitest';
import { GraphEvidenceStore } from '../../src/adapters/graph/graph-evidence-store';
import { performTransition } from '../../src/application/coordinator/review';
import { submitUpdate } from '../../src/application/owner/submit-update';
import { newDraft } from '../../src/application/owner/update-draft';
import { compileMeetingPaper } from '../../src/application/panel/meeting-paper';
import type { Actor } from '../../src/application/shared/actor';
import { effectiveStatus, evidenceLabel } from '../../src/domain';
import { aRecommendation } from '../support/builders';
import { contextFor, coordinator, owner } from '../support/emulator-harness';
import { useProvisionedEmulator } from '../support/provisioned-emulator';

const casey: Actor = { email: coordinator, name: 'Casey Marlow', role: 'coordinator' };
const priya = { email: owner, name: 'Priya Anand' };
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
