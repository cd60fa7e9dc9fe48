import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server';
import { DeviceCodeSignIn } from '../../src/adapters/auth/device-code-sign-in';
import { jobScopes } from '../../src/adapters/auth/scopes';
import { connectGraph } from '../../src/adapters/graph/graph-client';
import { lists } from '../../src/adapters/graph/list-schema';
import { provision, siteWebUrl } from '../../src/adapters/graph/provision';
import { SharePointPermissions } from '../../src/adapters/graph/sharepoint-permissions';
import { coordinator, siteOwner, startTestEmulator } from '../support/emulator-harness';
import { app, emulatorNetwork, personSigningIn } from '../support/entra-sign-in';

describe('a job signing in to the tenant with a device code', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.close());

  it("prompts once, then provisions with Graph and SharePoint tokens carrying the jobs' scopes", async () => {
    const prompts: string[] = [];
    const seen: string[] = [];
    const signIn = new DeviceCodeSignIn(
      app,
      jobScopes,
      emulator.origin,
      personSigningIn(emulator.origin, siteOwner, prompts),
      emulatorNetwork(emulator.origin, seen),
    );
    const graph = connectGraph(signIn, emulator.origin);
    // Three callers at once, as an import's overlapping writes start: one prompt between them.
    const tokens = await Promise.all([signIn.getToken(), signIn.getToken(), signIn.getToken()]);
    expect(new Set(tokens).size).toBe(1);
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toMatch(/https:\/\/microsoft\.com\/devicelogin/);

    await provision(graph, 'root', new SharePointPermissions(await siteWebUrl(graph, 'root'), signIn));
    const created = emulator.store.lists(emulator.store.sites()[0]?.id ?? '');
    expect(created.map((l) => l.name)).toEqual(expect.arrayContaining(Object.values(lists).map((l) => l.title)));
    // The SharePoint token came from the refresh token, and list permissions were set with it.
    expect(created.find((l) => l.name === lists.recommendations.title)?.permissions).toMatchObject({ owner: 'read', panel: 'read' });
    expect(prompts).toHaveLength(1);
    expect(seen.filter((s) => s.endsWith('/devicecode'))).toHaveLength(1);
    expect(seen.filter((s) => s.endsWith('/token')).length).toBeGreaterThanOrEqual(2);
  });

  it('names the scope and points at admin consent when a token cannot be had', async () => {
    const prompts: string[] = [];
    const misdeclared = { graph: jobScopes.graph, sharepoint: ['AllSites.Everything'] };
    const signIn = new DeviceCodeSignIn(
      app,
      misdeclared,
      emulator.origin,
      personSigningIn(emulator.origin, coordinator, prompts),
      emulatorNetwork(emulator.origin, []),
    );
    await signIn.getToken('graph');
    await expect(signIn.getToken('sharepoint')).rejects.toThrow(/No sharepoint token for .*AllSites\.Everything.*admin granted consent/);
  });
});
