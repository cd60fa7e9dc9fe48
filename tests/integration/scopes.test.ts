import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server';
import { graphScopes, jobScopes } from '../../src/adapters/auth/scopes';
import { lists } from '../../src/adapters/graph/list-schema';
import { coordinator, devToken, owner, provisioned, siteOwner, startTestEmulator } from '../support/emulator-harness';

/** A token for the user carrying exactly these scopes, as Entra issues one for what the app asked. */
async function tokenWith(emulator: Emulator, user: string, scopes: readonly string[]): Promise<Response> {
  return fetch(`${emulator.origin}/_dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user, scopes }) });
}

async function callWith(emulator: Emulator, user: string, scopes: readonly string[], method: string, url: string, body?: unknown) {
  const token = await devToken(emulator.origin, user, scopes);
  const response = await fetch(url.startsWith('/_api') ? `${emulator.origin}${url}` : `${emulator.graphBase}${url}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => undefined)) as { error?: { code: string; message: string } } | undefined };
}

const recommendations = lists.recommendations.title;

describe('delegated permissions, enforced by the emulator as Graph enforces them', () => {
  let emulator: Emulator;
  let listId = '';

  beforeAll(async () => {
    emulator = await startTestEmulator();
    // Provisioning runs with the jobs' declared scopes: lists, columns, the library and SharePoint permissions.
    await provisioned(emulator);
    listId = emulator.store.lists(emulator.store.sites()[0]?.id ?? '').find((l) => l.name === recommendations)?.id ?? '';
    expect(listId).not.toBe('');
  });
  afterAll(() => emulator.close());

  it("lets the tab's scopes read and write items but not create lists, which the jobs' scopes can", async () => {
    const read = await callWith(emulator, coordinator, graphScopes, 'GET', `/sites/root/lists/${recommendations}/items`);
    expect(read.status).toBe(200);
    const create = { displayName: 'Scratch', list: { template: 'genericList' } };
    const refused = await callWith(emulator, coordinator, graphScopes, 'POST', '/sites/root/lists', create);
    expect(refused.status).toBe(403);
    expect(refused.body?.error?.code).toBe('Forbidden');
    expect(refused.body?.error?.message).toContain("API requires one of 'Sites.Manage.All, Sites.FullControl.All'");
    expect((await callWith(emulator, coordinator, jobScopes.graph, 'POST', '/sites/root/lists', create)).status).toBe(201);
  });

  it('refuses a call whose token lacks every scope the API accepts, naming them, also inside a batch', async () => {
    const userRead = ['User.Read'];
    expect((await callWith(emulator, owner, userRead, 'GET', '/me')).status).toBe(200);
    const users = await callWith(emulator, owner, userRead, 'GET', '/users');
    expect(users.status).toBe(403);
    expect(users.body?.error?.message).toMatch(/requires one of 'User\.ReadBasic\.All, .*'\. Scopes on the request 'User\.Read'/);
    const readOnly = ['Sites.Read.All'];
    expect((await callWith(emulator, owner, readOnly, 'GET', `/sites/root/lists/${recommendations}/items`)).status).toBe(200);
    const batch = await callWith(emulator, coordinator, readOnly, 'POST', '/$batch', {
      requests: [
        { id: '1', method: 'GET', url: `/sites/root/lists/${recommendations}/items?$top=1` },
        {
          id: '2',
          method: 'PATCH',
          url: `/sites/root/lists/${recommendations}/items/1/fields`,
          headers: { 'Content-Type': 'application/json' },
          body: { Title: 'Changed' },
        },
      ],
    });
    const statuses = (batch.body as unknown as { responses: { id: string; status: number }[] }).responses.map((r) => [r.id, r.status]);
    expect(statuses.sort()).toEqual([
      ['1', 200],
      ['2', 403],
    ]);
  });

  it("needs SharePoint's full control scope to change a list's permissions", async () => {
    const path = `/_api/web/lists(guid'${listId}')/breakroleinheritance(copyRoleAssignments=true,clearSubscopes=true)`;
    expect((await callWith(emulator, siteOwner, jobScopes.graph, 'POST', path)).status).toBe(403);
    expect((await callWith(emulator, coordinator, ['AllSites.Read'], 'GET', '/_api/web/sitegroups')).status).toBe(200);
    expect((await callWith(emulator, siteOwner, jobScopes.sharepoint ?? [], 'POST', path)).status).toBe(200);
    // The scope is not the level: a coordinator (Edit) holding it still cannot manage permissions.
    expect((await callWith(emulator, coordinator, jobScopes.sharepoint ?? [], 'POST', path)).status).toBe(403);
  });

  it('refuses to issue a token for a scope it does not know, so a misspelt declaration fails at sign-in', async () => {
    const response = await tokenWith(emulator, owner, ['User.Read', 'Sites.ReadWrite']);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'invalid_scope',
      message: expect.stringContaining("'Sites.ReadWrite'"),
    });
  });
});
