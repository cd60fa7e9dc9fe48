import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server';
import { coordinator, devToken, otherOwner, owner, panelMember, provisioned, rawCall, startTestEmulator } from '../support/emulator-harness';

const items = '/sites/root/lists/Things/items';

describe('the Graph emulator', () => {
  let emulator: Emulator;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    const created = await rawCall(emulator, coordinator, 'POST', '/sites/root/lists', {
      displayName: 'Things',
      columns: [
        { name: 'Code', indexed: true, text: {} },
        { name: 'Colour', choice: { choices: ['Red', 'Green'] }, indexed: true },
        { name: 'Size', number: {} },
        { name: 'Due', dateTime: {}, indexed: true },
        { name: 'Done', boolean: {} },
        { name: 'Notes', text: { allowMultipleLines: true } },
      ],
    });
    expect(created.status).toBe(201);
    for (let i = 1; i <= 250; i++) {
      emulator.store.insertItem(
        emulator.store.list(emulator.store.sites()[0]?.id ?? '', 'Things')?.id ?? '',
        {
          Title: `Thing ${i}`,
          Code: `C${String(i).padStart(3, '0')}`,
          Colour: i % 3 === 0 ? 'Red' : 'Green',
          Size: i,
          Due: `2025-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z`,
          Done: i % 2 === 0,
        },
        coordinator,
      );
    }
  });
  afterAll(() => emulator.close());

  it('answers 401 without a valid token and lists its directory for sign-in', async () => {
    expect((await rawCall(emulator, undefined, 'GET', '/me')).status).toBe(401);
    const forged = await fetch(`${emulator.graphBase}/me`, { headers: { Authorization: 'Bearer emu.eyJ1cG4iOiJ4In0.forged' } });
    expect(forged.status).toBe(401);
    const error = await rawCall(emulator, undefined, 'GET', '/me');
    expect(error.body.error.code).toBe('InvalidAuthenticationToken');
    expect(error.body.error.innerError['request-id']).toBeTruthy();
    const users = (await (await fetch(`${emulator.origin}/_dev/users`)).json()) as { value: { mail: string; role: string }[] };
    expect(new Set(users.value.map((u) => u.role))).toEqual(new Set(['coordinator', 'owner', 'panel']));
    const unknown = await fetch(`${emulator.origin}/_dev/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"user":"nobody@example.org"}',
    });
    expect(unknown.status).toBe(400);
    const me = await rawCall(emulator, owner, 'GET', '/me');
    expect(me.body).toMatchObject({ mail: owner, '@odata.context': expect.stringContaining('$metadata#users') });
  });

  it('shapes items like Graph and honours $expand=fields($select)', async () => {
    const { body } = await rawCall(emulator, coordinator, 'GET', `${items}/1?$expand=fields($select=Code,Size)`);
    expect(body).toMatchObject({ id: '1', '@odata.etag': expect.stringMatching(/^".+,1"$/), createdBy: { user: { email: coordinator } } });
    expect(body.lastModifiedDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(Object.keys(body.fields).sort()).toEqual(['@odata.etag', 'Code', 'Size']);
    const without = await rawCall(emulator, coordinator, 'GET', `${items}/1`);
    expect(without.body.fields).toBeUndefined();
  });

  it('pages 200 items by default and follows $top, $orderby and nextLink', async () => {
    const first = await rawCall(emulator, coordinator, 'GET', `${items}?$expand=fields`);
    expect(first.body.value).toHaveLength(200);
    const second = await rawCall(emulator, coordinator, 'GET', first.body['@odata.nextLink']);
    expect(second.body.value).toHaveLength(50);
    expect(second.body['@odata.nextLink']).toBeUndefined();
    const ordered = await rawCall(emulator, coordinator, 'GET', `${items}?$expand=fields($select=Code)&$orderby=fields/Code desc&$top=3`);
    expect(ordered.body.value.map((i: { fields: { Code: string } }) => i.fields.Code)).toEqual(['C250', 'C249', 'C248']);
  });

  it('filters indexed columns with eq, ne, lt, le, gt, ge, and, or', async () => {
    const count = async (filter: string, prefer = false): Promise<number> => {
      const url = `${items}?$top=5000&$expand=fields&$filter=${encodeURIComponent(filter)}`;
      const response = await rawCall(emulator, coordinator, 'GET', url, undefined, prefer ? { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } : {});
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body.value.length;
    };
    expect(await count("fields/Code eq 'C010'")).toBe(1);
    expect(await count("fields/Colour ne 'Red'")).toBe(167);
    expect(await count("fields/Code lt 'C010'")).toBe(9);
    expect(await count("fields/Code le 'C010'")).toBe(10);
    expect(await count("fields/Code gt 'C240'")).toBe(10);
    expect(await count("fields/Code ge 'C240'")).toBe(11);
    expect(await count("fields/Colour eq 'Red' and fields/Code lt 'C010'")).toBe(3);
    expect(await count("(fields/Code eq 'C001' or fields/Code eq 'C002') and fields/Colour eq 'Green'")).toBe(2);
    expect(await count('fields/Due ge 2025-01-28T00:00:00Z')).toBe(8);
    expect(await count('fields/Size gt 245', true)).toBe(5);
    expect(await count('fields/Done eq true', true)).toBe(125);
  });

  it('filters and sorts on the item ID, always indexed, for reading a list in ID ranges', async () => {
    const ids = async (query: string): Promise<number[]> => {
      const response = await rawCall(emulator, coordinator, 'GET', `${items}?${query}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return (response.body.value as { id: string }[]).map((item) => Number(item.id));
    };
    expect(await ids(`$top=5000&$filter=${encodeURIComponent('fields/ID ge 101 and fields/ID le 200')}`)).toEqual(
      Array.from({ length: 100 }, (_, i) => 101 + i),
    );
    expect(await ids('$orderby=fields/ID desc&$top=1')).toEqual([250]);
  });

  it("answers $select with only the item's properties named, its eTag always, and the fields asked for", async () => {
    const response = await rawCall(emulator, coordinator, 'GET', `${items}?$top=1&$select=id,eTag&$expand=fields($select=Code)`);
    const [item] = response.body.value as Record<string, unknown>[];
    expect(Object.keys(item ?? {}).sort()).toEqual(['@odata.etag', 'eTag', 'fields', 'id']);
    expect(Object.keys((item?.fields as object) ?? {}).sort()).toEqual(['@odata.etag', 'Code']);
  });

  it('reports its own time for each answer in Server-Timing, without the latency it adds', async () => {
    emulator.setLatency(40);
    try {
      const response = await rawCall(emulator, coordinator, 'GET', `${items}?$top=5`);
      const dur = Number(/^app;dur=([\d.]+)$/.exec(response.headers.get('server-timing') ?? '')?.[1]);
      expect(dur).toBeGreaterThanOrEqual(0);
      expect(dur).toBeLessThan(40);
    } finally {
      emulator.setLatency(0);
    }
  });

  it('refuses filters on non-indexed columns unless the Prefer header is sent', async () => {
    const refused = await rawCall(emulator, coordinator, 'GET', `${items}?$filter=${encodeURIComponent('fields/Size eq 3')}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/not indexed.*HonorNonIndexedQueriesWarningMayFailRandomly/);
    const bad = await rawCall(emulator, coordinator, 'GET', `${items}?$filter=${encodeURIComponent("startswith(fields/Code,'C')")}`);
    expect(bad.status).toBe(400);
    const unknown = await rawCall(emulator, coordinator, 'GET', `${items}?$filter=${encodeURIComponent("fields/Nope eq 'x'")}`);
    expect(unknown.body.error.message).toMatch(/not recognized/);
  });

  it('refuses non-indexed filters and sorts on a list over 5,000 items even with Prefer', async () => {
    await rawCall(emulator, coordinator, 'POST', '/sites/root/lists', {
      displayName: 'Big',
      columns: [
        { name: 'Key', indexed: true, text: {} },
        { name: 'Other', text: {} },
      ],
    });
    const listId = emulator.store.list(emulator.store.sites()[0]?.id ?? '', 'Big')?.id ?? '';
    emulator.store.transaction(() => {
      for (let i = 0; i < 5001; i++) emulator.store.insertItem(listId, { Key: `k${i}`, Other: `o${i}` }, coordinator);
    });
    const prefer = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
    const refused = await rawCall(
      emulator,
      coordinator,
      'GET',
      `/sites/root/lists/Big/items?$filter=${encodeURIComponent("fields/Other eq 'o5'")}`,
      undefined,
      prefer,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/list view threshold/);
    const sorted = await rawCall(emulator, coordinator, 'GET', '/sites/root/lists/Big/items?$orderby=fields/Other', undefined, prefer);
    expect(sorted.status).toBe(400);
    const indexed = await rawCall(
      emulator,
      coordinator,
      'GET',
      `/sites/root/lists/Big/items?$expand=fields&$filter=${encodeURIComponent("fields/Key eq 'k5000'")}`,
    );
    expect(indexed.body.value).toHaveLength(1);
    const page = await rawCall(emulator, coordinator, 'GET', '/sites/root/lists/Big/items?$top=9000');
    expect(page.body.value).toHaveLength(5000);
  });

  it('validates field values against their columns', async () => {
    const post = (fields: object) => rawCall(emulator, coordinator, 'POST', items, { fields });
    expect((await post({ Colour: 'Blue' })).body.error.message).toMatch(/not a valid choice/);
    expect((await post({ Size: 'big' })).status).toBe(400);
    expect((await post({ Code: 'x'.repeat(256) })).body.error.message).toMatch(/maximum length/);
    expect((await post({ Unknown: 1 })).body.error.message).toMatch(/not recognized/);
    expect((await post({ Due: 'not a date' })).status).toBe(400);
    const ok = await post({ Notes: 'x'.repeat(100_000), Due: '2025-03-31' });
    expect(ok.status).toBe(201);
    expect(ok.body.fields.Due).toBe('2025-03-31T00:00:00Z');
  });

  it('answers 412 to a PATCH with a stale eTag and applies a current one', async () => {
    const created = await rawCall(emulator, coordinator, 'POST', items, { fields: { Title: 'v1' } });
    const etag = created.body['@odata.etag'];
    const url = `${items}/${created.body.id}/fields`;
    const first = await rawCall(emulator, coordinator, 'PATCH', url, { Title: 'v2' }, { 'If-Match': etag });
    expect(first.status).toBe(200);
    const stale = await rawCall(emulator, coordinator, 'PATCH', url, { Title: 'v3' }, { 'If-Match': etag });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('preconditionFailed');
    const current = await rawCall(emulator, coordinator, 'GET', `${items}/${created.body.id}?$expand=fields`);
    expect(current.body.fields.Title).toBe('v2');
    expect((await rawCall(emulator, coordinator, 'DELETE', `${items}/${created.body.id}`, undefined, { 'If-Match': etag })).status).toBe(412);
    expect((await rawCall(emulator, coordinator, 'DELETE', `${items}/${created.body.id}`, undefined, { 'If-Match': current.body['@odata.etag'] })).status).toBe(
      204,
    );
    expect((await rawCall(emulator, coordinator, 'GET', `${items}/${created.body.id}`)).status).toBe(404);
  });

  it('reports changes through delta: new, changed and deleted items, then nothing', async () => {
    const start = await rawCall(emulator, coordinator, 'GET', '/sites/root/lists/Things/items/delta?token=latest');
    expect(start.body.value).toEqual([]);
    const deltaLink = start.body['@odata.deltaLink'];
    const added = await rawCall(emulator, coordinator, 'POST', items, { fields: { Title: 'new' } });
    await rawCall(emulator, coordinator, 'PATCH', `${items}/5/fields`, { Title: 'changed' });
    await rawCall(emulator, coordinator, 'DELETE', `${items}/6`);
    const changes = await rawCall(emulator, coordinator, 'GET', deltaLink);
    const byId = Object.fromEntries(changes.body.value.map((v: { id: string }) => [v.id, v]));
    expect(Object.keys(byId).sort()).toEqual([added.body.id, '5', '6'].sort());
    expect(byId['6'].deleted).toEqual({ state: 'deleted' });
    const after = await rawCall(emulator, coordinator, 'GET', changes.body['@odata.deltaLink']);
    expect(after.body.value).toEqual([]);
  });

  it('runs $batch requests with dependsOn, and refuses more than 20', async () => {
    const batch = await rawCall(emulator, coordinator, 'POST', '/$batch', {
      requests: [
        {
          id: '1',
          method: 'POST',
          url: '/sites/root/lists/Things/items',
          body: { fields: { Title: 'batched' } },
          headers: { 'Content-Type': 'application/json' },
        },
        { id: '2', method: 'GET', url: '/sites/root/lists/Things/items/999999', dependsOn: ['1'] },
        { id: '3', method: 'GET', url: '/me', dependsOn: ['2'] },
      ],
    });
    const statuses = Object.fromEntries(batch.body.responses.map((r: { id: string; status: number }) => [r.id, r.status]));
    expect(statuses).toEqual({ '1': 201, '2': 404, '3': 424 });
    const tooMany = await rawCall(emulator, coordinator, 'POST', '/$batch', {
      requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' })),
    });
    expect(tooMany.status).toBe(400);
  });

  it('posts and reads channel messages for team members only, refusing one over the size limit', async () => {
    const teams = await rawCall(emulator, coordinator, 'GET', '/me/joinedTeams');
    const teamId = teams.body.value[0].id;
    const channels = await rawCall(emulator, coordinator, 'GET', `/teams/${teamId}/channels`);
    const channel = `/teams/${teamId}/channels/${encodeURIComponent(channels.body.value[0].id)}/messages`;
    const posted = await rawCall(emulator, coordinator, 'POST', channel, { body: { contentType: 'html', content: 'Hello <at id="0">Priya</at>' } });
    expect(posted.status).toBe(201);
    const read = await rawCall(emulator, panelMember, 'GET', channel);
    expect(read.body.value[0].body.content).toContain('Hello');
    // Owners are not members of the audit team: its channel does not exist for them, to read or to post in.
    expect((await rawCall(emulator, owner, 'GET', channel)).status).toBe(404);
    expect((await rawCall(emulator, owner, 'POST', channel, { body: { content: 'Session expired: sign in here' } })).status).toBe(404);
    expect((await rawCall(emulator, owner, 'GET', '/me/joinedTeams')).body.value).toEqual([]);
    const huge = await rawCall(emulator, coordinator, 'POST', channel, { body: { content: 'x'.repeat(40_000) } });
    expect(huge.status).toBe(413);
  });
});

describe('the emulator enforces SharePoint permissions', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
    await provisioned(emulator);
  });
  afterAll(() => emulator.close());

  const update = (key: string) => ({ fields: { Title: 'u', IdempotencyKey: key, RecommendationId: '1', Kind: 'ownerUpdate' } });

  it('lets owners add updates and edit only their own', async () => {
    const mine = await rawCall(emulator, owner, 'POST', '/sites/root/lists/AuditTrackerUpdates/items', update('perm-key-0001'));
    expect(mine.status).toBe(201);
    const path = `/sites/root/lists/AuditTrackerUpdates/items/${mine.body.id}/fields`;
    expect((await rawCall(emulator, owner, 'PATCH', path, { Note: 'fixed' })).status).toBe(200);
    const other = await rawCall(emulator, otherOwner, 'PATCH', path, { Note: 'hijack' });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('accessDenied');
    expect((await rawCall(emulator, coordinator, 'PATCH', path, { Note: 'coordinator note' })).status).toBe(200);
  });

  it('keeps recommendations read-only to owners and panel, and the reminder log hidden', async () => {
    const path = '/sites/root/lists/AuditTrackerRecommendations/items';
    expect((await rawCall(emulator, owner, 'POST', path, { fields: { Title: 'x' } })).status).toBe(403);
    expect((await rawCall(emulator, panelMember, 'POST', path, { fields: { Title: 'x' } })).status).toBe(403);
    expect((await rawCall(emulator, panelMember, 'POST', '/sites/root/lists/AuditTrackerUpdates/items', update('perm-key-0002'))).status).toBe(403);
    expect((await rawCall(emulator, panelMember, 'GET', path)).status).toBe(200);
    expect((await rawCall(emulator, owner, 'GET', '/sites/root/lists/AuditTrackerReminderLog/items')).status).toBe(404);
    expect((await rawCall(emulator, owner, 'POST', '/sites/root/lists', { displayName: 'Mine' })).status).toBe(403);
  });

  it('enforces unique values, so a repeated create is refused', async () => {
    const path = '/sites/root/lists/AuditTrackerUpdates/items';
    expect((await rawCall(emulator, owner, 'POST', path, update('unique-key-01'))).status).toBe(201);
    const again = await rawCall(emulator, owner, 'POST', path, update('unique-key-01'));
    expect(again.status).toBe(409);
  });

  it('refuses simple uploads over 4 MB', async () => {
    const drive = await rawCall(emulator, owner, 'GET', '/sites/root/lists/AuditTrackerEvidence/drive');
    const token = await devToken(emulator.origin, owner);
    const response = await fetch(`${emulator.graphBase}/drives/${drive.body.id}/root:/big.bin:/content`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}` },
      body: new Uint8Array(4 * 1024 * 1024 + 1),
    });
    expect(response.status).toBe(413);
  });
});

describe('fault injection', () => {
  it('answers injected throttling with Retry-After, and "lost" after making the change', async () => {
    const emulator = await startTestEmulator({ faults: '503:1', retryAfterSeconds: 2 });
    try {
      const throttled = await rawCall(emulator, coordinator, 'GET', '/me');
      expect(throttled.status).toBe(503);
      expect(throttled.headers.get('retry-after')).toBe('2');
      emulator.faults.plan = { throttle: [], lost: 1 };
      const lost = await rawCall(emulator, coordinator, 'POST', '/sites/root/lists', { displayName: 'Lost' });
      expect(lost.status).toBe(504);
      emulator.faults.plan = { throttle: [], lost: 0 };
      expect((await rawCall(emulator, coordinator, 'GET', '/sites/root/lists/Lost')).status).toBe(200);
    } finally {
      await emulator.close();
    }
  });

  it('parses fault specs and rejects bad ones', async () => {
    const { parseFaults } = await import('../../emulator/faults');
    expect(parseFaults('429:0.1,503:0.05,lost:0.02')).toEqual({
      throttle: [
        { status: 429, probability: 0.1 },
        { status: 503, probability: 0.05 },
      ],
      lost: 0.02,
    });
    expect(() => parseFaults('418:0.5')).toThrow(/status:probability/);
  });
});
