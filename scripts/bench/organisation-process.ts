import { startEmulator, type Emulator } from '../../emulator/server';
import { provision } from '../../src/adapters/graph/provision';
import { emulatorSiteOwner, jobContext } from '../../src/jobs/job-context';
import { organisation } from './organisation';

/** The child of remoteOrganisation: builds the organisation, serves it, and obeys the bench's latency and close. */
const size = Number(process.argv[2] ?? 0);
const send = (message: object): void => void process.send?.(message);
try {
  let emulator: Emulator;
  let setupMs = 0;
  if (size > 0) ({ emulator, setupMs } = await organisation(size));
  else {
    emulator = await startEmulator({ data: ':memory:' });
    const admin = jobContext({ graph: emulator.origin, user: emulatorSiteOwner });
    await provision(admin.graph, admin.siteId, await admin.permissions());
  }
  process.on('message', (message: { latency?: number; close?: boolean }) => {
    if (message.close) void emulator.close().then(() => process.exit(0));
    else if (typeof message.latency === 'number') {
      emulator.setLatency(message.latency);
      send({ done: true });
    }
  });
  send({ origin: emulator.origin, setupMs });
} catch (error) {
  send({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
