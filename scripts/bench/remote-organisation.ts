import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** An organisation's emulator in a process of its own: the bench's process then holds only the client's work. */
export interface RemoteOrganisation {
  origin: string;
  setupMs: number;
  setLatency(ms: number): Promise<void>;
  close(): Promise<void>;
}

type Reply = { origin: string; setupMs: number } | { done: true } | { error: string };

/** Starts an emulator with a generated organisation of `size` (or an empty, provisioned site for 0). */
export async function remoteOrganisation(size: number): Promise<RemoteOrganisation> {
  const child: ChildProcess = fork(join(import.meta.dirname, 'organisation-process.ts'), [String(size)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const next = (): Promise<Reply> =>
    new Promise((resolve, reject) => {
      child.once('message', (m) => resolve(m as Reply));
      child.once('exit', (code) => reject(new Error(`The emulator process ended (${code ?? 'signal'})`)));
    });
  const first = await next();
  if ('error' in first) throw new Error(first.error);
  if (!('origin' in first)) throw new Error('The emulator process did not say where it listens');
  const ask = async (message: unknown): Promise<void> => {
    const reply = next();
    child.send(message as object);
    const answer = await reply;
    if ('error' in answer) throw new Error(answer.error);
  };
  return {
    origin: first.origin,
    setupMs: first.setupMs,
    setLatency: (ms) => ask({ latency: ms }),
    close: async () => {
      child.removeAllListeners('exit');
      const ended = new Promise((resolve) => child.once('exit', resolve));
      child.send({ close: true });
      await ended;
    },
  };
}
