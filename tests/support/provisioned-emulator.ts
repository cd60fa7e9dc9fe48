import { afterAll, beforeAll } from 'vitest';
import type { Emulator, EmulatorOptions } from '../../emulator/server';
import type { JobContext } from '../../src/jobs/job-context';
import { GraphEvidenceStore } from '../../src/adapters/graph/graph-evidence-store';
import { performTransition } from '../../src/application/coordinator/review';
import { submitUpdate } from '../../src/application/owner/submit-update';
import { newDraft } from '../../src/application/owner/update-draft';
import { issuePaper } from '../../src/application/panel/issue-paper';
import { compileMeetingPaper } from '../../src/application/panel/meeting-paper';
import type { Actor } from '../../src/application/shared/actor';
import type { Meeting } from '../../src/domain';
import { aRecommendation, anAudit } from './builders';
import { coordinator, provisioned, startTestEmulator } from './emulator-harness';

/** A provisioned emulator of one describe's own, with one audit to hang recommendations on. */
export interface ProvisionedEmulator {
  emulator: Emulator;
  /** The coordinator's context. */
  admin: JobContext;
  auditId: string;
}

/**
 * Starts a provisioned emulator before the describe's tests and closes it after them; its fields are set when
 * the tests run (read them inside a test or hook, not at collection).
 */
export function useProvisionedEmulator(options: Partial<EmulatorOptions> = {}): ProvisionedEmulator {
  const state = {} as ProvisionedEmulator;
  beforeAll(async () => {
    state.emulator = await startTestEmulator(options);
    state.admin = await provisioned(state.emulator);
    state.auditId = (await state.admin.store.upsertAudit(anAudit())).value.id;
  });
  afterAll(() => state.emulator.close());
  return state;
}

/** Issues a meeting's paper as it reads on `today`, so the panel's decisions can be recorded against it. */
export async function issueTestPaper(env: ProvisionedEmulator, meetingId: string, today: string): Promise<Meeting> {
  const paper = await compileMeetingPaper(env.admin.store, meetingId, today);
  const library = new GraphEvidenceStore(env.admin.graph, env.admin.siteId);
  const casey: Actor = { email: coordinator, name: 'Casey Marlow', role: 'coordinator' };
  return issuePaper(env.admin.store, library, paper, new TextEncoder().encode(`The paper for ${paper.meeting.title}`), casey, new Date());
}

/** An item the audit team proposed closed for June 2025 and accepted for the panel: one before the panel. */
export async function putToPanel(env: ProvisionedEmulator, reference: string): Promise<string> {
  const casey: Actor = { email: coordinator, name: 'Casey Marlow', role: 'coordinator' };
  const id = (await env.admin.store.upsertRecommendation(aRecommendation(env.auditId, reference))).value.id;
  const draft = {
    ...newDraft(await env.admin.store.getRecommendation(id), () => `put-to-panel-${reference}-${crypto.randomUUID()}`),
    proposesClosure: true,
    closureNarrative: 'Done.',
    evidence: [{ kind: 'providedToPanel' as const, name: 'the July paper' }],
  };
  await submitUpdate(env.admin.store, draft, casey, 'June 2025', new Date('2025-06-20T10:00:00Z'));
  await performTransition(env.admin.store, await env.admin.store.recommendationDetail(id), 'acceptForPanel', casey, new Date('2025-06-21T10:00:00Z'), {
    evidence: new GraphEvidenceStore(env.admin.graph, env.admin.siteId),
  });
  return id;
}

/** Two panel meetings a quarter apart: July 2025 (June's updates) and October 2025 (September's). */
export async function julyAndOctober(env: ProvisionedEmulator): Promise<{ july: Meeting; october: Meeting }> {
  const july = await env.admin.store.saveMeeting({ title: 'Panel July 2025', date: '2025-07-15', updateDeadline: '2025-06-24', cycle: 'June 2025' });
  const october = await env.admin.store.saveMeeting({ title: 'Panel October 2025', date: '2025-10-14', updateDeadline: '2025-09-23', cycle: 'September 2025' });
  return { july, october };
}
