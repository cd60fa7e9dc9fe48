import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenProvider } from '../../src/application/ports';
import type { Emulator } from '../../emulator/server';
import { DeviceCodeSignIn } from '../../src/adapters/auth/device-code-sign-in';
import { EmulatorTokenProvider } from '../../src/adapters/auth/emulator-token-provider';
import { graphScopes, jobScopes } from '../../src/adapters/auth/scopes';
import { connectGraph } from '../../src/adapters/graph/graph-client';
import { coordinator, devToken, owner, startTestEmulator } from '../support/emulator-harness';
import { app, emulatorNetwork, personSigningIn } from '../support/entra-sign-in';

/** Who Graph says is signed in, through a connection's own token handling. */
async function me(tokens: TokenProvider, origin: string): Promise<string> {
  return ((await connectGraph(tokens, origin).client.api('/me').get()) as { mail: string }).mail;
}

describe('access tokens that expire, as Entra tokens do', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    // One second, so the tests see a token outlived.
    emulator = await startTestEmulator({ tokenLifetimeSeconds: 1 });
  });
  afterAll(() => emulator.close());

  it("are refused once past their lifetime, with Graph's message", async () => {
    const token = await devToken(emulator.origin, owner);
    const call = () => fetch(`${emulator.graphBase}/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await call()).status).toBe(200);
    await sleep(1100);
    const expired = await call();
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: { code: string; message: string } }).error).toEqual(
      expect.objectContaining({ code: 'InvalidAuthenticationToken', message: 'Lifetime validation failed, the token is expired.' }),
    );
  });

  it('are renewed by the emulator sign-in before they expire, so a long session keeps working', async () => {
    const tokens = new EmulatorTokenProvider(emulator.origin, owner, { graph: graphScopes });
    const first = await tokens.getToken();
    expect(await me(tokens, emulator.origin)).toBe(owner);
    await sleep(1100);
    expect(await me(tokens, emulator.origin)).toBe(owner);
    expect(await tokens.getToken()).not.toBe(first);
  });

  it('are renewed by the device code sign-in from its refresh token, without asking again', async () => {
    const prompts: string[] = [];
    const signIn = new DeviceCodeSignIn(
      app,
      jobScopes,
      emulator.origin,
      personSigningIn(emulator.origin, coordinator, prompts),
      emulatorNetwork(emulator.origin, []),
    );
    expect(await me(signIn, emulator.origin)).toBe(coordinator);
    await sleep(1100);
    expect(await me(signIn, emulator.origin)).toBe(coordinator);
    expect(prompts).toHaveLength(1);
  });
});
