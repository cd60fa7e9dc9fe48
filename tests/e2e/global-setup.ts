import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { startEmulator, type Emulator } from '../../emulator/server';
import { GraphEvidenceStore } from '../../src/adapters/graph/graph-evidence-store';
import { provision } from '../../src/adapters/graph/provision';
import { emulatorPeople, seedDemo } from '../../src/jobs/demo/seed-demo';
import { jobContext } from '../../src/jobs/job-context';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    emulatorOrigin: string;
    today: string;
    teamsAppId: string;
  }
}

/** The Teams app id the built tab links to when it runs inside the Teams-like host. */
const teamsAppId = '0b6d3f2e-8c41-4a7e-b5d9-3e2f1a6c7d80';

/** The fixed day the demo data and the browser agree on, so every run sees the same items due. */
export const e2eToday = '2025-05-20';

let emulator: Emulator | undefined;
let server: PreviewServer | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  dataDir = mkdtempSync(join(tmpdir(), 'e2e-'));
  emulator = await startEmulator({ data: join(dataDir, 'graph.sqlite'), retryAfterSeconds: 0 });
  const context = jobContext({ graph: emulator.origin });
  await provision(context.graph, context.siteId, await context.permissions());
  await seedDemo(context.store, new GraphEvidenceStore(context.graph, context.siteId), await emulatorPeople(emulator.origin), e2eToday);

  process.env.TAB_GRAPH_ORIGIN = emulator.origin;
  process.env.TAB_AUTH_MODE = 'emulator';
  process.env.TAB_TEAMS_APP_ID = teamsAppId;
  const outDir = join(dataDir, 'dist');
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  server = await preview({ logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server has no address');
  project.provide('appUrl', url);
  project.provide('emulatorOrigin', emulator.origin);
  project.provide('today', e2eToday);
  project.provide('teamsAppId', teamsAppId);
}

export async function teardown(): Promise<void> {
  await server?.close();
  await emulator?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
