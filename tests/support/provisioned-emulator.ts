import { afterAll, beforeAll } from 'vitest';
import type { Emulator, EmulatorOptions } from '../../emulator/server';
import type { JobContext } from '../../src/jobs/job-context';
import { anAudit } from './builders';
import { provisioned, startTestEmulator } from './emulator-harness';

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
