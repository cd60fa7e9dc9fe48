import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { ensureBrowser, type BrowserChoice } from '../../scripts/find-browser';
import { startEmulator, type Emulator } from '../../emulator/server';
import { provision } from '../../src/adapters/graph/provision';
import { seedDemo } from '../../src/jobs/demo/seed-demo';
import { emulatorSiteOwner, jobContext } from '../../src/jobs/job-context';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    emulatorOrigin: string;
    today: string;
    teamsAppId: string;
    tenantAppUrl: string;
    tenantClientId: string;
    browser: BrowserChoice;
  }
}

/** The Teams app id the built tab links to when it runs inside the Teams-like host. */
const teamsAppId = '0b6d3f2e-8c41-4a7e-b5d9-3e2f1a6c7d80';

/** The fixed day the demo data and the browser agree on, so every run sees the same items due. */
export const e2eToday = '2025-05-20';

let emulator: Emulator | undefined;
let dataDir: string | undefined;
const servers: PreviewServer[] = [];

/** The Entra app id the tenant build is configured with; the Teams-like host brokers its tokens. */
const tenantClientId = '5a7e9c1d-2b4f-4e6a-8d3c-1f0b9e7a6c52';

/** A certificate for 127.0.0.1, so a build can be served over https as Teams requires of a tab's pages. */
async function loopbackCertificate(): Promise<{ key: string; cert: string }> {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  return { key: pems.private, cert: pems.cert };
}

/** Builds the tab with these settings and serves it (over https when given a certificate); returns its address. */
async function buildAndServe(dir: string, settings: Record<string, string>, https?: { key: string; cert: string }): Promise<string> {
  const previous = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]));
  Object.assign(process.env, settings);
  try {
    await build({ logLevel: 'warn', build: { outDir: dir, emptyOutDir: true, sourcemap: false } });
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  const server = await preview({ logLevel: 'warn', build: { outDir: dir }, preview: { port: 0, host: '127.0.0.1', https } });
  servers.push(server);
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server has no address');
  return url;
}

export async function setup(project: TestProject): Promise<void> {
  // First, so a machine without a browser learns it at once, not after the builds.
  project.provide('browser', ensureBrowser());
  dataDir = mkdtempSync(join(tmpdir(), 'e2e-'));
  emulator = await startEmulator({ data: join(dataDir, 'graph.sqlite'), retryAfterSeconds: 0, teamsAppId });
  const context = jobContext({ graph: emulator.origin, user: emulatorSiteOwner });
  await provision(context.graph, context.siteId, await context.permissions());
  const started = emulator;
  await seedDemo({ origin: started.origin, setClock: (at) => started.store.setClock(at) }, e2eToday);

  // The embedded default, and a tenant build (msal, nested app auth) whose Graph is the same emulator. The tenant
  // build is served over https: Teams (and teams-js, for its authentication window) accepts no other pages.
  const url = await buildAndServe(join(dataDir, 'dist'), { TAB_AUTH_MODE: 'emulator', TAB_GRAPH_ORIGIN: emulator.origin, TAB_TEAMS_APP_ID: teamsAppId });
  const tenantUrl = await buildAndServe(
    join(dataDir, 'dist-tenant'),
    {
      TAB_AUTH_MODE: 'msal',
      TAB_GRAPH_ORIGIN: emulator.origin,
      TAB_CLIENT_ID: tenantClientId,
      TAB_TENANT_ID: 'northmere.example',
      TAB_SITE_ID: 'root',
      TAB_TEAMS_APP_ID: teamsAppId,
    },
    await loopbackCertificate(),
  );
  project.provide('appUrl', url);
  project.provide('emulatorOrigin', emulator.origin);
  project.provide('today', e2eToday);
  project.provide('teamsAppId', teamsAppId);
  project.provide('tenantAppUrl', tenantUrl);
  project.provide('tenantClientId', tenantClientId);
}

export async function teardown(): Promise<void> {
  await Promise.all(servers.map((server) => server.close()));
  await emulator?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
