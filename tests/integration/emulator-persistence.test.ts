import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { coordinator, rawCall, startTestEmulator } from '../support/emulator-harness';
import type { Emulator } from '../../emulator/server';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function createList(emulator: Emulator): Promise<void> {
  const created = await rawCall(emulator, coordinator, 'POST', '/sites/root/lists', { displayName: 'Durable', columns: [{ name: 'N', number: {} }] });
  expect(created.status).toBe(201);
}

/** Starts `npm run emulator` as a separate process, as the README does, and waits for it to listen. */
function startProcess(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/main.ts', '--port', String(port), '--data', dataDir], {
    cwd: join(import.meta.dirname, '../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Graph emulator on')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
}

describe('emulator persistence', () => {
  it('keeps data and tokens across a restart', async () => {
    const data = join(tempDir(), 'graph.sqlite');
    const first = await startTestEmulator({ data });
    await createList(first);
    const item = await rawCall(first, coordinator, 'POST', '/sites/root/lists/Durable/items', { fields: { Title: 'kept', N: 1 } });
    const users = (await rawCall(first, coordinator, 'GET', '/users')).body.value.length;
    await first.close();
    const second = await startTestEmulator({ data });
    try {
      const read = await rawCall(second, coordinator, 'GET', `/sites/root/lists/Durable/items/${item.body.id}?$expand=fields`);
      expect(read.body.fields).toMatchObject({ Title: 'kept', N: 1 });
      expect((await rawCall(second, coordinator, 'GET', '/users')).body.value).toHaveLength(users);
    } finally {
      await second.close();
    }
  });

  it('after kill -9 mid-write, keeps every acknowledged write and a consistent store', async () => {
    const dir = tempDir();
    const port = 5400 + Math.floor(Math.random() * 500);
    let child = await startProcess(dir, port);
    const emulator = { origin: `http://127.0.0.1:${port}`, graphBase: `http://127.0.0.1:${port}/v1.0` } as Emulator;
    await createList(emulator);
    const acknowledged: string[] = [];
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; ; i++) {
        const response = await rawCall(emulator, coordinator, 'POST', '/sites/root/lists/Durable/items', { fields: { Title: `w${w}-${i}`, N: i } }).catch(
          () => undefined,
        );
        if (!response) return;
        if (response.status === 201) acknowledged.push(response.body.id);
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 700));
    child.kill('SIGKILL');
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(10);

    const db = new Database(join(dir, 'graph.sqlite'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    child = await startProcess(dir, port);
    try {
      const all = await rawCall(emulator, coordinator, 'GET', '/sites/root/lists/Durable/items?$top=5000&$expand=fields');
      const ids = new Set(all.body.value.map((v: { id: string }) => v.id));
      expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
      const next = await rawCall(emulator, coordinator, 'POST', '/sites/root/lists/Durable/items', { fields: { Title: 'after' } });
      expect(next.status).toBe(201);
      expect(ids.has(next.body.id)).toBe(false);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
