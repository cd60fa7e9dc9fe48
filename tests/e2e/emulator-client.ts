import { inject } from 'vitest';
import type { Emulator } from '../../emulator/server';
import { rawCall } from '../support/emulator-harness';

/** Raw Graph calls to the e2e emulator, as another user would make them while the browser works. */
export function e2eGraph(user: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) {
  const origin = inject('emulatorOrigin');
  return rawCall({ origin, graphBase: `${origin}/v1.0` } as Emulator, user, method, path, body, headers);
}
