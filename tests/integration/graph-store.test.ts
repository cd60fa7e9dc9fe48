import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server';
import { ConflictError, DuplicateReferenceError, ForbiddenError } from '../../src/application/ports';
import { GraphEvidenceStore } from '../../src/adapters/graph/graph-evidence-store';
import { lists } from '../../src/adapters/graph/list-schema';
import { provision } from '../../src/adapters/graph/provision';
import type { Recommendation } from '../../src/domain';
import type { JobContext } from '../../src/jobs/job-context';
import { aRecommendation, anAudit, anUpdate, priya } from '../support/builders';
import { contextFor, coordinator, otherOwner, owner, provisioned, rawCall, siteOwner, startTestEmulator } from '../support/emulator-harness';

describe('the Graph data layer against the emulator', () => {
  let emulator: Emulator;
  let context: JobContext;
  let auditId: string;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    context = await provisioned(emulator);
    const audit = await context.store.upsertAudit(anAudit());
    auditId = audit.value.id;
  });
  afterAll(() => emulator.close());

  it('provisions idempotently: a second run creates nothing', async () => {
    const admin = contextFor(emulator, siteOwner);
    const again = await provision(admin.graph, admin.siteId, await admin.permissions());
    expect(again.created).toEqual([]);
    expect(again.columnsAdded).toEqual([]);
    expect(again.permissions).toHaveLength(Object.keys(lists).length);
    // Each list keeps the site's owners on Full Control (so this can run again) and gives each role its level.
    const site = (await rawCall(emulator, coordinator, 'GET', '/sites/root/lists?$select=id,displayName')).body.value as { id: string; displayName: string }[];
    const updates = site.find((l) => l.displayName === lists.updates.title);
    const assignments = (await rawCall(emulator, siteOwner, 'GET', `${emulator.origin}/_api/web/lists(guid'${updates?.id ?? ''}')/roleassignments`)).body
      .value as {
      PrincipalId: number;
      RoleDefinitionBindings: { Id: number }[];
    }[];
    const levels = (await rawCall(emulator, siteOwner, 'GET', `${emulator.origin}/_api/web/roledefinitions`)).body.value as { Id: number; Name: string }[];
    const bound = Object.fromEntries(assignments.map((a) => [a.PrincipalId, levels.find((l) => l.Id === a.RoleDefinitionBindings[0]?.Id)?.Name]));
    expect(bound).toEqual({ 3: 'Full Control', 7: 'Edit', 8: 'Audit Tracker Contribute without delete', 9: 'Read' });
  });

  it('widens a choice column an older version made, so new kinds of record can be written', async () => {
    const site = (await rawCall(emulator, siteOwner, 'GET', '/sites/root/lists?$select=id,displayName')).body.value as { id: string; displayName: string }[];
    const updatesId = site.find((l) => l.displayName === lists.updates.title)?.id ?? '';
    const older = { choice: { choices: ['ownerUpdate', 'delegation'] } };
    expect((await rawCall(emulator, siteOwner, 'PATCH', `/sites/root/lists/${updatesId}/columns/Kind`, older)).status).toBe(200);
    const admin = contextFor(emulator, siteOwner);
    const report = await provision(admin.graph, admin.siteId, await admin.permissions());
    expect(report.choicesAdded).toContain(`${lists.updates.title}.Kind: delegationEnded`);
    const column = (await rawCall(emulator, siteOwner, 'GET', `/sites/root/lists/${updatesId}/columns`)).body.value as {
      name: string;
      choice?: { choices: string[] };
    }[];
    expect(column.find((c) => c.name === 'Kind')?.choice?.choices).toContain('delegationEnded');
    expect((await provision(admin.graph, admin.siteId, await admin.permissions())).choicesAdded).toEqual([]);
  });

  it('upserts audits and recommendations by key, never duplicating', async () => {
    const first = await context.store.upsertRecommendation(aRecommendation(auditId, '4.2'));
    const second = await context.store.upsertRecommendation(aRecommendation(auditId, '4.2.', { title: 'Renamed' }));
    expect(second.value.id).toBe(first.value.id);
    expect(second.value.title).toBe('Renamed');
    const register = await context.store.loadRegister();
    expect(register.recommendations.filter((r) => r.value.referenceKey === '4.2')).toHaveLength(1);
    expect(register.audits.map((a) => a.value.title)).toEqual(['Fleet Management']);
  });

  it('leaves an item alone when an upsert brings nothing new, and writes it when something changed', async () => {
    const audit = anAudit();
    const before = await context.store.upsertAudit(audit);
    const trips = context.gateway.roundTrips;
    const same = await context.store.upsertAudit(audit);
    expect(same.etag).toBe(before.etag);
    expect(context.gateway.roundTrips - trips).toBe(1);
    const changed = await context.store.upsertAudit({ ...audit, auditor: 'Eastgate Audit' });
    expect(changed.etag).not.toBe(before.etag);
    expect(changed.value.auditor).toBe('Eastgate Audit');
    await context.store.upsertAudit(audit);
    const rec = await context.store.upsertRecommendation(aRecommendation(auditId, '4.2', { title: 'Renamed' }));
    expect((await context.store.upsertRecommendation(aRecommendation(auditId, '4.2', { title: 'Renamed' }))).etag).toBe(rec.etag);
  });

  it('detects a concurrent edit through the eTag and keeps both versions', async () => {
    const saved = await context.store.upsertRecommendation(aRecommendation(auditId, '4.3'));
    const theirs = await context.store.saveRecommendation({ ...saved, value: { ...saved.value, title: 'Their title' } });
    expect(theirs.etag).not.toBe(saved.etag);
    const attempt = context.store.saveRecommendation({ ...saved, value: { ...saved.value, title: 'My title' } });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    const conflict = (await attempt.catch((e: unknown) => e)) as ConflictError<Recommendation>;
    expect(conflict.mine.title).toBe('My title');
    expect(conflict.theirs.value.title).toBe('Their title');
    expect((await context.store.getRecommendation(saved.value.id)).value.title).toBe('Their title');
  });

  it("finds an owner's recommendations, audits, meetings and their updates in two round trips", async () => {
    await context.store.upsertRecommendation(aRecommendation(auditId, '4.4', { owners: [{ email: otherOwner, name: 'Tom' }, priya] }));
    await context.store.upsertRecommendation(aRecommendation(auditId, '4.5', { owners: [{ email: otherOwner, name: 'Tom' }] }));
    const ownerContext = contextFor(emulator, owner);
    const before = ownerContext.gateway.roundTrips;
    const view = await ownerContext.store.ownerView(owner, '2025-01-01');
    const mine = view.register;
    expect(ownerContext.gateway.roundTrips - before).toBe(2);
    expect(mine.recommendations.map((r) => r.value.referenceKey).sort()).toEqual(['4.2', '4.3', '4.4']);
    expect(mine.audits.map((a) => a.value.id)).toEqual([auditId]);
  });

  it('refreshes the register with one round trip through delta', async () => {
    const register = await context.store.loadRegister();
    const changed = await context.store.upsertRecommendation(aRecommendation(auditId, '4.6'));
    const before = context.gateway.roundTrips;
    const refreshed = await context.store.refreshRegister(register);
    expect(context.gateway.roundTrips - before).toBe(1);
    expect(refreshed.recommendations).toHaveLength(register.recommendations.length + 1);
    expect(refreshed.recommendations.some((r) => r.value.id === changed.value.id)).toBe(true);
  });

  it('reads the register again in full when its delta token has expired, as SharePoint answers 410', async () => {
    const register = await context.store.loadRegister();
    const changed = await context.store.upsertRecommendation(aRecommendation(auditId, '4.9'));
    const stale = new Date(Date.now() + 31 * 24 * 3600 * 1000);
    emulator.store.setClock(stale);
    try {
      const answer = await rawCall(emulator, coordinator, 'GET', register.sync?.recommendations ?? '');
      expect(answer.status).toBe(410);
      expect(answer.body.error.code).toBe('resyncRequired');
      expect(answer.headers.get('location')).not.toContain('token=');
      const before = context.gateway.roundTrips;
      const refreshed = await context.store.refreshRegister(register);
      // The delta that was refused, then the full read: every item, the new one among them, and fresh tokens.
      expect(context.gateway.roundTrips - before).toBeGreaterThan(1);
      expect(refreshed.recommendations.some((r) => r.value.id === changed.value.id)).toBe(true);
      expect(refreshed.recommendations).toHaveLength(register.recommendations.length + 1);
      expect((await rawCall(emulator, coordinator, 'GET', refreshed.sync?.recommendations ?? '')).status).toBe(200);
    } finally {
      emulator.store.setClock(undefined);
    }
  });

  it('lets owners add updates but not change recommendations', async () => {
    const target = (await context.store.upsertRecommendation(aRecommendation(auditId, '4.7'))).value;
    const ownerContext = contextFor(emulator, owner);
    const added = await ownerContext.store.addUpdate(anUpdate(target.id, { idempotencyKey: 'owner-update-0001' }));
    expect(added.author.email).toBe(owner);
    const readable = await ownerContext.store.getRecommendation(target.id);
    await expect(ownerContext.store.saveRecommendation({ ...readable, value: { ...readable.value, status: 'closed' } })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('never makes a second update when the same submission is retried', async () => {
    const target = (await context.store.upsertRecommendation(aRecommendation(auditId, '4.8'))).value;
    const ownerContext = contextFor(emulator, owner);
    const first = await ownerContext.store.addUpdate(anUpdate(target.id, { idempotencyKey: 'retry-key-0001' }));
    const again = await ownerContext.store.addUpdate(anUpdate(target.id, { idempotencyKey: 'retry-key-0001' }));
    expect(again.id).toBe(first.id);
    expect(await context.store.updatesFor(target.id)).toHaveLength(1);
  });

  it('stores evidence: small files directly, large ones through an upload session, with progress', async () => {
    const evidence = new GraphEvidenceStore(contextFor(emulator, owner).graph, 'root');
    const small = await evidence.upload('r1', { name: 'minutes.txt', type: 'text/plain', bytes: new TextEncoder().encode('signed off') });
    expect(new TextDecoder().decode(await evidence.download(small.driveItemId ?? ''))).toBe('signed off');
    const big = new Uint8Array(5 * 1024 * 1024 + 123).map((_, i) => i % 251);
    const progress: number[] = [];
    const ref = await evidence.upload('r1', { name: 'report.pdf', type: 'application/pdf', bytes: big }, (p) => progress.push(p.sent));
    expect(ref.size).toBe(big.byteLength);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(big.byteLength);
    const back = await evidence.download(ref.driveItemId ?? '');
    expect(back.byteLength).toBe(big.byteLength);
    expect(Buffer.from(back).equals(Buffer.from(big))).toBe(true);
  });

  it("opens evidence by its webUrl, as a browser follows a SharePoint link, with the folder's whole name", async () => {
    const evidence = new GraphEvidenceStore(contextFor(emulator, owner).graph, 'root');
    const ref = await evidence.upload('r9/September 2026', { name: 'sign-off note.txt', type: 'text/plain', bytes: new TextEncoder().encode('approved') });
    expect(decodeURIComponent(new URL(ref.url).pathname)).toBe('/AuditTrackerEvidence/r9/September 2026/sign-off note.txt');
    const opened = await fetch(ref.url);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toBe('text/plain');
    expect(await opened.text()).toBe('approved');
    expect((await fetch(ref.url.replace('sign-off', 'missing'))).status).toBe(404);
  });

  it('refuses to create a reference its audit already has, leaving the original as it was', async () => {
    const original = await context.store.createRecommendation(aRecommendation(auditId, '2.1', { title: 'Original title', priority: 'High' }));
    const attempt = context.store.createRecommendation(aRecommendation(auditId, '2.1', { title: 'A second 2.1', priority: 'Low' }));
    await expect(attempt).rejects.toBeInstanceOf(DuplicateReferenceError);
    await expect(attempt).rejects.toMatchObject({
      existing: { value: { id: original.value.id } },
      message: 'This audit already has recommendation 2.1 "Original title"',
    });
    const stored = await context.store.getRecommendation(original.value.id);
    expect(stored.etag).toBe(original.etag);
    expect(stored.value).toMatchObject({ title: 'Original title', priority: 'High' });
    // A retry of the same create (its first answer lost) is that create, not a duplicate.
    expect((await context.store.createRecommendation(aRecommendation(auditId, '2.1', { title: 'Original title', priority: 'High' }))).value.id).toBe(
      original.value.id,
    );
  });

  it('refuses evidence over the configured limit with a clear message', async () => {
    const evidence = new GraphEvidenceStore(contextFor(emulator, owner).graph, 'root', 1024);
    await expect(evidence.upload('r1', { name: 'huge.bin', type: '', bytes: new Uint8Array(2048) })).rejects.toThrow(/at most/);
  });

  it('reports records that fail validation instead of using them', async () => {
    const list = await rawCall(emulator, coordinator, 'POST', '/sites/root/lists/AuditTrackerRecommendations/items', {
      fields: { Title: 'Broken', RecKey: 'broken|1', AuditId: auditId, Reference: '9.9', Priority: 'High', Status: 'open', TargetsJson: '{not json' },
    });
    expect(list.status).toBe(201);
    const register = await context.store.loadRegister();
    expect(register.invalid.map((e) => e.record)).toContain(`Recommendation ${list.body.id}`);
    expect(register.recommendations.some((r) => r.value.id === list.body.id)).toBe(false);
  });
});
