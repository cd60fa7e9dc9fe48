import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server';
import { channelIsPrivate, GraphChannelNotifier } from '../../src/adapters/graph/graph-channel-notifier';
import { GraphReminderLog } from '../../src/adapters/graph/graph-reminder-log';
import { WorkflowsNotifier } from '../../src/adapters/notify/workflows-notifier';
import { cardByteLimit, cardText, itemName, ownerMessages } from '../../src/application/reminders/reminder-cards';
import type { ChannelMessage } from '../../src/application/ports';
import { reminderLinks } from '../../src/application/reminders/reminder-links';
import { runReminders } from '../../src/application/reminders/reminders';
import { chaseOwners } from '../../src/application/reminders/chase-owners';
import { missingUpdates } from '../../src/application/coordinator/missing-updates';
import { loadRegisterView } from '../../src/application/coordinator/register-view';
import type { Notifier } from '../../src/application/ports';
import { addDays } from '../../src/domain';
import type { JobContext } from '../../src/jobs/job-context';
import { contextFor, rawCall, coordinator, startTestEmulator, demoWithChannel } from '../support/emulator-harness';

const run = promisify(execFile);
const links = reminderLinks({ appUrl: 'http://127.0.0.1:53000' });
const today = '2025-05-20';

describe('reminders against the emulator', () => {
  let emulator: Emulator;
  let context: JobContext;
  let channelPath: string;
  let deadline: string;
  let notifier: GraphChannelNotifier;
  let teamAndChannel: () => [string, string];

  beforeAll(async () => {
    emulator = await startTestEmulator();
    const demo = await demoWithChannel(emulator, today);
    ({ context, channelPath, notifier, deadline } = demo);
    teamAndChannel = () => [demo.team, demo.channel];
  });
  afterAll(() => emulator.close());

  const messages = async () =>
    (await rawCall(emulator, coordinator, 'GET', channelPath)).body.value as {
      body: { content: string };
      attachments: { content: string }[];
      mentions: unknown[];
    }[];
  const firstReminderCard = (posted: Awaited<ReturnType<typeof messages>>): string =>
    posted.find((m) => m.attachments[0]?.content.includes('Reminder: your update is due in a week'))?.attachments[0]?.content ?? '{"body":[]}';
  const reminderDay = () => new Date(`${addDays(deadline, -7)}T08:00:00Z`);

  it('sends one message per owner with mentions, then a digest, and records each in the log', async () => {
    const result = await runReminders({
      store: context.store,
      log: new GraphReminderLog(context.gateway),
      notifier,
      now: reminderDay(),
      links,
      retry: { attempts: 2, backoffMs: 1 },
    });
    expect(result.sent).toBe(result.plan.messages.length);
    expect(result.sent).toBeGreaterThan(2);
    expect(result.failed).toEqual([]);
    const posted = await messages();
    expect(posted).toHaveLength(result.sent + 1);
    expect(posted[0]?.body.content).toContain('Reminder run');
    const ownerMessage = posted.find((m) => /needs? you:/.test(m.body.content));
    expect(ownerMessage?.mentions.length).toBe(1);
    // The digest is for the coordinators: it names who owes what by title, and mentions nobody.
    const digest = posted.find((m) => m.body.content.includes('Reminder run'));
    expect(digest?.mentions).toEqual([]);
    const digestTexts = (JSON.parse(digest?.attachments[0]?.content ?? '{"body":[]}') as { body: { text: string }[] }).body.map((b) => b.text).join('\n');
    const owing = result.plan.outstanding[0];
    expect(digestTexts).toContain(`${cardText(owing?.owner.name ?? '')}: ${cardText(itemName(owing?.items[0] ?? { audit: '', reference: '', title: '' }))}`);
    expect(digestTexts).not.toMatch(/<at>/);
    const card = JSON.parse(firstReminderCard(posted)) as { body: { text?: string; items?: { text: string }[] }[] };
    const texts = card.body.map((b) => b.text);
    expect(texts).toContain('Reminder: your update is due in a week');
    // Each line names its audit ("Vetting 4.3 …"), so one owner's lines are never alike.
    const lines = card.body.flatMap((b) => b.items?.map((i) => i.text) ?? []);
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.every((line) => /^\S.* \S+ .+ – (High|Medium|Low) priority, due \d{1,2} [A-Z][a-z]+ \d{4}$/.test(line))).toBe(true);
    const audits = new Set((await context.store.loadRegister()).audits.map((a) => cardText(a.value.title)));
    expect(lines.every((line) => [...audits].some((audit) => line.startsWith(`${audit} `)))).toBe(true);
    // The preview does not repeat the owner's name after Teams' own mention of them.
    const [, name = '', preview = ''] = /^<at[^>]*>([^<]+)<\/at>: (.*)$/s.exec(ownerMessage?.body.content ?? '') ?? [];
    expect(name).not.toBe('');
    expect(preview).not.toContain(name);
    const log = await new GraphReminderLog(context.gateway).sentKeys();
    expect([...log].filter((k) => k.includes(':reminder:'))).toHaveLength(
      result.plan.messages.filter((m) => m.units.some((u) => u.step === 'reminder')).length,
    );
  });

  it('sends nothing again the same day, and posts nothing when nothing is due', async () => {
    const before = (await messages()).length;
    const again = await runReminders({
      store: context.store,
      log: new GraphReminderLog(context.gateway),
      notifier,
      now: new Date(reminderDay().getTime() + 3_600_000),
      links,
    });
    expect(again.sent).toBe(0);
    expect(again.digestPosted).toBe(false);
    expect((await messages()).length).toBe(before);
  });

  it('records a failed post and retries it next run without resending what went out', async () => {
    const day = new Date(`${deadline}T08:00:00Z`);
    const failing = new Set<string>();
    const flaky: Notifier = {
      post: async (message: ChannelMessage) => {
        const owner = message.mentions[0]?.email ?? '';
        const toOwner = /needs? you:/.test(message.summary);
        if (toOwner && failing.size === 0) failing.add(owner);
        if (failing.has(owner) && toOwner) throw new Error('503 from the channel');
        return notifier.post(message);
      },
    };
    const first = await runReminders({
      store: context.store,
      log: new GraphReminderLog(context.gateway),
      notifier: flaky,
      now: day,
      links,
      retry: { attempts: 2, backoffMs: 1 },
    });
    expect(first.failed.map((f) => f.owner)).toEqual([...failing]);
    failing.clear();
    const second = await runReminders({
      store: context.store,
      log: new GraphReminderLog(context.gateway),
      notifier,
      now: new Date(day.getTime() + 3_600_000),
      links,
      retry: { attempts: 2, backoffMs: 1 },
    });
    expect(second.plan.messages.map((m) => m.owner.email)).toEqual(first.failed.map((f) => f.owner));
    expect(second.sent).toBe(1);
  });

  it('reminds the owners the coordinator picked from the missing updates, oldest silence first, once a day', async () => {
    const now = new Date(`${addDays(deadline, -3)}T10:00:00Z`);
    const view = await loadRegisterView(context.store, addDays(deadline, -3));
    const missing = missingUpdates(view, addDays(deadline, -3));
    expect(missing.length).toBeGreaterThan(2);
    const days = missing.map((m) => m.daysSinceUpdate ?? Infinity);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    const picked = missing.slice(0, 2);
    const owners = new Set(picked.flatMap((m) => m.owners.map((o) => o.email)));
    const chase = () =>
      chaseOwners({
        missing: picked,
        audits: view.data.audits,
        cycle: view.meeting?.cycle ?? '',
        deadline,
        today: addDays(deadline, -3),
        now,
        log: new GraphReminderLog(context.gateway),
        notifier,
        links,
      });
    const before = (await messages()).length;
    expect(await chase()).toEqual({ sent: owners.size, already: 0 });
    const posted = (await messages()).slice(0, owners.size);
    expect(posted.every((m) => m.attachments[0]?.content.includes('The audit team asks for your update'))).toBe(true);
    expect(posted.map((m) => m.attachments[0]?.content).join()).toContain(cardText(picked[0]?.row.recommendation.title ?? ''));
    // Clicked again the same day: nobody is mentioned twice.
    expect(await chase()).toEqual({ sent: 0, already: owners.size });
    expect((await messages()).length).toBe(before + owners.size);
  });

  it('posts a message once when the answer to its post is lost, whether retried in this run or the next', async () => {
    const message = {
      ...ownerMessages(
        { email: 'a@example.org', name: 'A' },
        [{ key: 'lost-answer', step: 'due', owner: { email: 'a@example.org', name: 'A' }, items: [] }],
        links.recommendation,
        links.myRecommendations,
      )[0]!,
      mentions: [],
    };
    const before = (await messages()).length;
    emulator.faults.plan = { throttle: [], lost: 1 };
    try {
      // The channel has the message, but the answer is a gateway timeout: the client must not send it again itself.
      await expect(notifier.post(message)).rejects.toThrow();
    } finally {
      emulator.faults.plan = { throttle: [], lost: 0 };
    }
    expect((await messages()).length).toBe(before + 1);
    await notifier.post(message);
    await new GraphChannelNotifier(context.graph, ...teamAndChannel()).post(message);
    expect((await messages()).length).toBe(before + 1);
  });

  it('dry-run from the command line plans and sends nothing', async () => {
    const before = (await messages()).length;
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/jobs/reminders.ts', '--graph', emulator.origin, '--dry-run', '--now', `${addDays(deadline, 8)}T08:00:00Z`],
      { cwd: join(import.meta.dirname, '../..') },
    );
    expect(stdout).toMatch(/would send: .+: overdue-1/);
    expect(stdout).toMatch(/0 reminder\(s\) sent, 0 failed \(dry run: nothing sent\)\./);
    expect((await messages()).length).toBe(before);
  });
});

describe("a private coordinators' channel", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.close());

  it('is listed as private, and the job refuses a Workflows webhook for it before planning anything', async () => {
    const context = contextFor(emulator);
    const team = (await rawCall(emulator, coordinator, 'GET', '/me/joinedTeams')).body.value[0].id as string;
    const channels = (await rawCall(emulator, coordinator, 'GET', `/teams/${team}/channels`)).body.value as { id: string; membershipType: string }[];
    expect(channels.map((c) => c.membershipType)).toEqual(['standard', 'private']);
    const [standard, secret] = channels;
    expect(await channelIsPrivate(context.graph, team, secret!.id)).toBe(true);
    expect(await channelIsPrivate(context.graph, team, standard!.id)).toBe(false);
    // Owners are not members of the team, so not of its private channel either.
    expect((await rawCall(emulator, 'priya.fleet@northmere.example', 'GET', `/teams/${team}/channels/${encodeURIComponent(secret!.id)}`)).status).toBe(404);
    const failure = await run(
      process.execPath,
      ['--import', 'tsx', 'src/jobs/reminders.ts', '--graph', emulator.origin, '--webhook', 'http://127.0.0.1:9/hook', '--team', team, '--channel', secret!.id],
      { cwd: join(import.meta.dirname, '../..') },
    ).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringContaining('Workflows cannot post into a private channel') });
  });
});

describe('reminder cards and the Workflows webhook', () => {
  it('splits a long list across cards, each under the channel limit', () => {
    const items = Array.from({ length: 400 }, (_, i) => ({
      recommendationId: String(i),
      audit: 'Vetting',
      reference: `4.${i}`,
      title: `A long recommendation title number ${i} `.repeat(2),
      priority: 'High' as const,
      due: '2025-06-24',
    }));
    const cards = ownerMessages(
      { email: 'a@example.org', name: 'A' },
      [{ key: 'k', step: 'request', owner: { email: 'a@example.org', name: 'A' }, items }],
      links.recommendation,
      links.myRecommendations,
    );
    expect(cards.length).toBeGreaterThan(1);
    for (const c of cards) expect(new TextEncoder().encode(JSON.stringify(c.card)).byteLength).toBeLessThanOrEqual(cardByteLimit);
    const listed = cards.flatMap((c) => c.card.body.filter((b) => JSON.stringify(b).includes('/#/recommendations/')));
    expect(listed).toHaveLength(400);
  });

  it('posts the card to the webhook, and reports a failure with its status', async () => {
    const received: unknown[] = [];
    let answer = 503;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/workflow`;
    try {
      const message = ownerMessages(
        { email: 'a@example.org', name: 'A' },
        [{ key: 'k', step: 'due', owner: { email: 'a@example.org', name: 'A' }, items: [] }],
        links.recommendation,
        links.myRecommendations,
      )[0]!;
      await expect(new WorkflowsNotifier(url).post(message)).rejects.toThrow('answered 503');
      answer = 202;
      // 202 is Workflows taking the post for later, not a post: it is reported as unconfirmed.
      expect(await new WorkflowsNotifier(url).post(message)).toBe('accepted');
      answer = 200;
      expect(await new WorkflowsNotifier(url, { idOf: async (email) => (email === 'a@example.org' ? '5f0c-object-id' : undefined) }).post(message)).toBe(
        'posted',
      );
      // Teams resolves a Workflows card's mention by object id or UPN, never by mail.
      expect(received[2]).toMatchObject({ attachments: [{ content: { msteams: { entities: [{ mentioned: { id: '5f0c-object-id' } }] } } }] });
      expect(received[1]).toMatchObject({
        type: 'message',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            content: { type: 'AdaptiveCard', msteams: { entities: [{ mentioned: { id: 'a@example.org' } }] } },
          },
        ],
      });
    } finally {
      server.close();
    }
  });
});
