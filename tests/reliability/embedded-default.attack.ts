import { describe, expect, it } from 'vitest';
import { GraphChannelNotifier, teamChannel } from '../../src/adapters/graph/graph-channel-notifier';
import type { ChannelMessage } from '../../src/application/ports';
import { lists } from '../../src/adapters/graph/list-schema';
import { remoteClock } from '../../src/jobs/demo/seed-demo';
import { coordinator, owner, provisioned, rawCall, startTestEmulator } from '../support/emulator-harness';
import { useProvisionedEmulator } from '../support/provisioned-emulator';

/** Attacks on the embedded default itself: another site asking for tokens, and a flooded channel. */
describe('the embedded default', () => {
  const given = useProvisionedEmulator({ tabOrigins: ['http://127.0.0.1:53000'] });

  const tokenFrom = (origin: string | undefined) =>
    fetch(`${given.emulator.origin}/_dev/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(origin ? { Origin: origin } : {}) },
      body: JSON.stringify({ user: coordinator }),
    });

  it("answers the dev sign-in only for the tab's own origin, and for callers that are not web pages", async () => {
    const evil = await tokenFrom('https://evil.example');
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect((await tokenFrom('http://127.0.0.1:4444')).status).toBe(403);
    const tab = await tokenFrom('http://127.0.0.1:53000');
    expect(tab.status).toBe(200);
    expect(tab.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:53000');
    expect((await tokenFrom(undefined)).status).toBe(200);
  });

  it('sets no clock unless started for the demo seed, so nobody can backdate what SharePoint stamps', async () => {
    const at = { at: '2020-01-01T00:00:00Z' };
    const refused = await fetch(`${given.emulator.origin}/_dev/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(at),
    });
    expect(refused.status).toBe(404);
    const demo = await startTestEmulator({ devClock: true });
    try {
      await remoteClock(demo.origin)(new Date(at.at));
      const admin = await provisioned(demo);
      const audit = await admin.gateway.create('audits', { Title: 'Backdated', AuditKey: 'backdated|2020-01' });
      expect(audit.createdAt).toBe(at.at);
      await remoteClock(demo.origin)(undefined);
      expect((await admin.gateway.create('audits', { Title: 'Now', AuditKey: 'now|2026-12' })).createdAt?.slice(0, 4)).not.toBe('2020');
    } finally {
      await demo.close();
    }
  });

  it('refuses a 20 MB field as Graph does, over its 4 MB request limit, so the store never holds what the tab refuses', async () => {
    const huge = await rawCall(given.emulator, owner, 'POST', `/sites/root/lists/${lists.updates.title}/items`, {
      fields: { Title: 'x', IdempotencyKey: 'huge-field-0001', Achieved: 'x'.repeat(20 * 1024 * 1024) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('requestTooLarge');
  });

  it('posts a reminder once even after a flood of other messages pushes it off the first page', async () => {
    const channel = await teamChannel(given.admin.graph);
    if (!channel) throw new Error('no channel');
    const message: ChannelMessage = {
      key: 'flood-test#1',
      summary: 'Reminder',
      card: { type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', body: [] },
      mentions: [],
    };
    await channel.notifier.post(message);
    const teamId = (await rawCall(given.emulator, coordinator, 'GET', '/me/joinedTeams')).body.value[0].id as string;
    const channelId = (await rawCall(given.emulator, coordinator, 'GET', `/teams/${teamId}/channels`)).body.value[0].id as string;
    const messages = `/teams/${teamId}/channels/${encodeURIComponent(channelId)}/messages`;
    for (let i = 0; i < 120; i++) await rawCall(given.emulator, coordinator, 'POST', messages, { body: { content: `chatter ${i}` } });
    // A later run, in a new session, that does not know the first post went through.
    await new GraphChannelNotifier(given.admin.graph, teamId, channelId).post(message);
    const all: { attachments?: unknown[] }[] = [];
    for (let url: string | undefined = `${messages}?$top=50`; url;) {
      const page: { body: { value: { attachments?: unknown[] }[]; '@odata.nextLink'?: string } } = await rawCall(given.emulator, coordinator, 'GET', url);
      all.push(...page.body.value);
      url = page.body['@odata.nextLink'];
    }
    expect(all.filter((m) => (m.attachments ?? []).length > 0)).toHaveLength(1);
  });
});
