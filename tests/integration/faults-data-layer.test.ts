import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server';
import { emulatorPeople, seedDemo } from '../../src/jobs/demo/seed-demo';
import { demoYear } from '../../src/jobs/demo/demo-process';
import { contextFor, provisioned, startTestEmulator, demoTarget } from '../support/emulator-harness';

const today = '2025-05-20';

describe('the data layer under injected faults', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ faults: '429:0.1,503:0.1,lost:0.05', retryAfterSeconds: 0 });
  });
  afterAll(() => emulator.close());

  it('provisions and writes the whole demo organisation with nothing duplicated and nothing lost', async () => {
    await provisioned(emulator);
    const people = await emulatorPeople(emulator.origin);
    const report = await seedDemo(demoTarget(emulator), today);
    const { demo: expected, process } = demoYear(people.owners, people.coordinators[0]!, today);

    emulator.faults.plan = { throttle: [], lost: 0 };
    const clean = contextFor(emulator);
    const register = await clean.store.loadRegister();
    expect(register.invalid).toEqual([]);
    expect(register.audits).toHaveLength(expected.audits.length);
    expect(register.recommendations).toHaveLength(expected.recommendations.length);
    const keys = register.recommendations.map((r) => `${r.value.auditId}|${r.value.referenceKey}`);
    expect(new Set(keys).size).toBe(keys.length);
    const updates = await clean.gateway.query('updates', { select: ['IdempotencyKey'] });
    // A collective response is stored once per item it applies to; the owners' list also holds their namings of
    // delegates, and the audit team's updates and notes are in its own list.
    const stored = expected.updates.reduce((sum, u) => sum + 1 + (u.alsoApplyToRefs?.length ?? 0), 0);
    const byOwners = expected.updates.filter((u) => u.kind === 'ownerUpdate').reduce((sum, u) => sum + 1 + (u.alsoApplyToRefs?.length ?? 0), 0);
    expect(stored).toBeGreaterThan(expected.updates.length);
    expect(updates).toHaveLength(byOwners + process.delegations.length);
    expect(report.updates).toBe(stored);
    const meetings = await clean.gateway.query('meetings', { select: ['Cycle'] });
    expect(meetings).toHaveLength(expected.meetings.length);
  });
});
