import { inject } from 'vitest';
import type { Emulator } from '../../emulator/server';
import { rawCall } from '../support/emulator-harness';

/** Raw Graph calls to the e2e emulator, as another user would make them while the browser works. */
export function e2eGraph(user: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) {
  const origin = inject('emulatorOrigin');
  return rawCall({ origin, graphBase: `${origin}/v1.0` } as Emulator, user, method, path, body, headers);
}

/** The emulator's team and its first channel, as a channel tab's host context names them. */
export async function emulatorTeam(): Promise<{ teamId: string; channelId: string }> {
  const coordinator = 'casey.coordinator@northmere.example';
  const teams = await e2eGraph(coordinator, 'GET', '/me/joinedTeams');
  const teamId = teams.body.value[0].id as string;
  const channels = await e2eGraph(coordinator, 'GET', `/teams/${teamId}/channels`);
  return { teamId, channelId: channels.body.value[0].id as string };
}
