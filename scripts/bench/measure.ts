import { median } from './median';

/** What one run cost: its wall time, the client's own CPU, the emulator's reported time, round trips and bytes. */
export interface Run {
  ms: number;
  clientMs: number;
  serverMs: number;
  trips: number;
  bytes: number;
}

const seen = { trips: 0, bytes: 0, serverMs: 0 };
let watching = false;

/**
 * Counts every request the process makes through fetch (the Graph client's transport): its bytes both ways and
 * the time the emulator says it spent (Server-Timing), so the client's share can be told from the server's.
 */
function watchFetch(): void {
  if (watching) return;
  watching = true;
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const response = await original(input, init);
    seen.trips++;
    seen.bytes += Number(response.headers.get('content-length') ?? 0) + (typeof init?.body === 'string' ? init.body.length : 0);
    seen.serverMs += Number(/dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1] ?? 0);
    return response;
  };
}

/** One run of `work`, measured. The emulator runs in another process, so this process's CPU is the client's. */
export async function measure<T>(work: () => Promise<T>): Promise<{ result: T; run: Run }> {
  watchFetch();
  const before = { ...seen };
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return {
    result,
    run: {
      ms,
      clientMs: (used.user + used.system) / 1000,
      serverMs: seen.serverMs - before.serverMs,
      trips: seen.trips - before.trips,
      bytes: seen.bytes - before.bytes,
    },
  };
}

/** Several runs of `work`: the last result, and each run's figures. */
export async function runs<T>(count: number, work: () => Promise<T>): Promise<{ result: T; runs: Run[] }> {
  const all: Run[] = [];
  let result: T | undefined;
  for (let i = 0; i < count; i++) {
    const measured = await measure(work);
    all.push(measured.run);
    result = measured.result;
  }
  return { result: result as T, runs: all };
}

/** The runs' figures as the report prints them: medians, and the spread of the wall time. */
export function summary(all: readonly Run[]) {
  const of = (pick: (r: Run) => number) => median(all.map(pick));
  const ms = all.map((r) => r.ms);
  return {
    ms: of((r) => r.ms),
    spread: all.length > 1 ? `${Math.min(...ms).toFixed(0)}-${Math.max(...ms).toFixed(0)} ms` : '',
    clientMs: of((r) => r.clientMs),
    serverMs: of((r) => r.serverMs),
    trips: of((r) => r.trips),
    bytes: of((r) => r.bytes),
    runs: all.length,
  };
}
