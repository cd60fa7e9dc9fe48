import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorTeamsAppId, type Emulator } from '../../emulator/server';
import { EmulatorTokenProvider } from '../../src/adapters/auth/emulator-token-provider';
import { jobScopes } from '../../src/adapters/auth/scopes';
import { GraphActivityFeed } from '../../src/adapters/graph/graph-activity-feed';
import { GraphChannelNotifier } from '../../src/adapters/graph/graph-channel-notifier';
import { connectGraph } from '../../src/adapters/graph/graph-client';
import { GraphReminderLog } from '../../src/adapters/graph/graph-reminder-log';
import { GraphReminderPreferences } from '../../src/adapters/graph/graph-reminder-preferences';
import { reminderLinks } from '../../src/application/reminders/reminder-links';
import { runReminders } from '../../src/application/reminders/reminders';
import { tellInFeed, tellOwnersOf, toldInFeed } from '../../src/application/reminders/feed-delivery';
import { installAppFor, withoutAppSentence } from '../../src/application/reminders/app-for-owners';
import { editRecommendation } from '../../src/application/coordinator/review';
import { addDays, newOwners } from '../../src/domain';
import type { JobContext } from '../../src/jobs/job-context';
import { contextFor, coordinator, demoWithChannel, owner, provisioned, rawCall, startTestEmulator } from '../support/emulator-harness';

const run = promisify(execFile);
const coordinatorActor = { email: coordinator, name: 'Casey Marlow', role: 'coordinator' as const };
const today = '2025-05-20';
const links = reminderLinks({ teamsAppId: emulatorTeamsAppId });
const deepLink = links.myRecommendations;

type Feed = { activityType: string; previewText: string; webUrl?: string; from: string }[];

describe('the activity feed, as Graph keeps it', () => {
  let emulator: Emulator;
  let ownerId: string;
  const feedOf = async (email: string): Promise<Feed> => ((await (await fetch(`${emulator.origin}/_dev/feed/${email}`)).json()) as { value: Feed }).value;
  const notification = (overrides: Record<string, unknown> = {}) => ({
    topic: { source: 'text', value: 'Your update', webUrl: deepLink },
    activityType: 'updateDue',
    previewText: { content: 'An audit recommendation needs you' },
    templateParameters: [
      { name: 'count', value: '1' },
      { name: 'deadline', value: '3 June 2025' },
    ],
    ...overrides,
  });
  const install = () =>
    rawCall(emulator, coordinator, 'POST', `/users/${ownerId}/teamwork/installedApps`, {
      'teamsApp@odata.bind': `${emulator.graphBase}/appCatalogs/teamsApps/${emulatorTeamsAppId}`,
    });

  beforeAll(async () => {
    emulator = await startTestEmulator();
    await provisioned(emulator);
    ownerId = (await rawCall(emulator, coordinator, 'GET', `/users/${owner}`)).body.id;
  });
  afterAll(() => emulator.close());

  it('keeps the emulator on the app id the local package declares', () => {
    const local = readFileSync(join(import.meta.dirname, '../../env/.env.local'), 'utf8');
    expect(/^TEAMS_APP_ID=(.+)$/m.exec(local)?.[1]).toBe(emulatorTeamsAppId);
  });

  it('refuses a notification for someone the app is not installed for, then delivers it once it is', async () => {
    const send = (body = notification()) => rawCall(emulator, coordinator, 'POST', `/users/${ownerId}/teamwork/sendActivityNotification`, body);
    expect((await send()).status).toBe(403);
    expect((await install()).status).toBe(201);
    expect((await install()).status).toBe(409);
    const installed = await rawCall(
      emulator,
      coordinator,
      'GET',
      `/users/${ownerId}/teamwork/installedApps?$filter=teamsApp/externalId eq '${emulatorTeamsAppId}'`,
    );
    expect(installed.body.value).toHaveLength(1);
    expect((await send()).status).toBe(204);
    expect(await feedOf(owner)).toMatchObject([{ activityType: 'updateDue', previewText: 'An audit recommendation needs you', from: coordinator }]);
  });

  it('answers 400 to an activity type the manifest does not declare, a missing parameter, or a topic with no Teams link', async () => {
    const send = (body: unknown) => rawCall(emulator, coordinator, 'POST', `/users/${ownerId}/teamwork/sendActivityNotification`, body);
    expect((await send(notification({ activityType: 'somethingElse' }))).body.error.message).toMatch(/not declared in the app manifest/);
    expect((await send(notification({ templateParameters: [{ name: 'count', value: '1' }] }))).body.error.message).toMatch(/deadline/);
    const noLink = await send(notification({ topic: { source: 'text', value: 'x', webUrl: 'https://example.org/' } }));
    expect(noLink.status).toBe(400);
    expect((await send(notification({ topic: { source: 'text', value: 'x' } }))).status).toBe(400);
  });

  it('replaces a notification sent again with the same chain id, so a retry never shows twice', async () => {
    const before = (await feedOf(owner)).length;
    const send = () =>
      rawCall(
        emulator,
        coordinator,
        'POST',
        `/users/${ownerId}/teamwork/sendActivityNotification`,
        notification({ chainId: 42, previewText: { content: 'chained' } }),
      );
    expect((await send()).status).toBe(204);
    expect((await send()).status).toBe(204);
    expect((await feedOf(owner)).filter((n) => n.previewText === 'chained')).toHaveLength(1);
    expect((await feedOf(owner)).length).toBe(before + 1);
  });

  it('reads an installation the caller may not make as refused, and a notification it may not send as an error, not a silent success', async () => {
    const narrow = connectGraph(new EmulatorTokenProvider(emulator.origin, coordinator, { graph: ['User.ReadBasic.All'] }), emulator.origin);
    const feed = new GraphActivityFeed(narrow, emulatorTeamsAppId);
    const person = { name: 'Tom Hallam', email: 'tom.vetting@northmere.example' };
    expect(await feed.install(person)).toBe('refused');
    // Graph's 403 reads as "not installed"; the reminder run then installs and, refused again, says so.
    expect(await feed.notify(person, { key: 'k', activityType: 'returnedToYou', parameters: { item: '4.1' }, previewText: 'x', link: deepLink })).toBe(
      'notInstalled',
    );
  });
});

describe('reminders in the activity feed', () => {
  let emulator: Emulator;
  let context: JobContext;
  let notifier: GraphChannelNotifier;
  let deadline: string;
  let channelPath: string;
  const feedOf = async (email: string): Promise<Feed> => ((await (await fetch(`${emulator.origin}/_dev/feed/${email}`)).json()) as { value: Feed }).value;
  const digestTexts = async (): Promise<string> => {
    const posted = (await rawCall(emulator, coordinator, 'GET', channelPath)).body.value as { body: { content: string }; attachments: { content: string }[] }[];
    const digest = posted.find((m) => m.body.content.includes('Reminder run'));
    return (JSON.parse(digest?.attachments[0]?.content ?? '{"body":[]}') as { body: { text: string }[] }).body.map((b) => b.text).join('\n');
  };

  beforeAll(async () => {
    emulator = await startTestEmulator();
    const demo = await demoWithChannel(emulator, today);
    ({ context, channelPath, notifier, deadline } = demo);
  });
  afterAll(() => emulator.close());

  const remind = (graph: JobContext['graph'], delivery: 'channel' | 'feed' | 'both', days = -7, dryRun = false) =>
    runReminders({
      dryRun,
      store: context.store,
      log: new GraphReminderLog(context.gateway),
      notifier,
      now: new Date(`${addDays(deadline, days)}T08:00:00Z`),
      links,
      retry: { attempts: 2, backoffMs: 1 },
      delivery,
      feed: { activities: new GraphActivityFeed(graph, emulatorTeamsAppId), links },
    });

  it('names in the digest the owners whose feed it could not reach, when installing the app is refused', async () => {
    // A caller that may send notifications but not install apps: every owner lacks the app, and stays without it.
    const scopes = { graph: jobScopes.graph.filter((s) => !s.startsWith('TeamsAppInstallation')) };
    const restricted = connectGraph(new EmulatorTokenProvider(emulator.origin, coordinator, scopes), emulator.origin);
    const result = await remind(restricted, 'feed');
    expect(result.plan.messages.length).toBeGreaterThan(2);
    expect(result.sent).toBe(0);
    expect(result.withoutApp.map((p) => p.email).sort()).toEqual(result.plan.messages.map((m) => m.owner.email).sort());
    expect(await digestTexts()).toMatch(/Not reached in their activity feed, because Audit Tracker is not installed for them/);
    expect(await feedOf(owner)).toEqual([]);
  });

  it('installs the app for owners who lack it, notifies each once with a link to the item, and sends nothing twice', async () => {
    const first = await remind(context.graph, 'feed');
    expect(first.withoutApp).toEqual([]);
    expect(first.failed).toEqual([]);
    expect(first.sent).toBe(first.plan.messages.length);
    for (const { owner: person, units } of first.plan.messages) {
      const feed = await feedOf(person.email);
      expect(feed).toHaveLength(1);
      expect(feed[0]?.activityType).toBe('updateDue');
      expect(feed[0]?.webUrl).toMatch(new RegExp(`^https://teams\\.microsoft\\.com/l/entity/${emulatorTeamsAppId}/`));
      const items = new Set(units.flatMap((u) => u.items.map((i) => i.recommendationId)));
      if (items.size === 1) expect(decodeURIComponent(feed[0]?.webUrl ?? '')).toContain([...items][0]);
    }
    const again = await remind(context.graph, 'feed');
    expect(again.plan.messages).toEqual([]);
    expect((await feedOf(owner)).length).toBe(1);
  });

  it('sends by the route not yet taken: a day reminded in the channel, then asked for both, adds only the feed', async () => {
    const day = 1;
    const channelRun = await remind(context.graph, 'channel', day);
    expect(channelRun.sent).toBeGreaterThan(0);
    const posts = (await rawCall(emulator, coordinator, 'GET', channelPath)).body.value.length;
    const feedBefore = (await feedOf(channelRun.plan.messages[0]!.owner.email)).length;
    // Read first, as the tab's dialog does: each owner is still due by the feed only.
    const preview = await remind(context.graph, 'both', day, true);
    expect(Object.values(preview.routes)).toEqual(channelRun.plan.messages.map(() => ['feed']));
    const both = await remind(context.graph, 'both', day);
    expect(both.sent).toBe(channelRun.sent);
    // Only the digest is new in the channel: no owner was mentioned there again.
    expect((await rawCall(emulator, coordinator, 'GET', channelPath)).body.value.length).toBe(posts + 1);
    expect((await feedOf(channelRun.plan.messages[0]!.owner.email)).length).toBe(feedBefore + 1);
    expect((await remind(context.graph, 'both', day)).plan.messages).toEqual([]);
  });

  it("tells an item's owners in their feed what happened to it, and says who could not be told", async () => {
    const item = (await context.store.paperData(today)).recommendations.find((r) => r.owners.length > 0)!;
    const feedLinks = { recommendation: links.recommendation, myRecommendations: links.myRecommendations };
    expect(await tellOwnersOf(undefined, context.store, item.id, { activityType: 'returnedToYou', key: 'r0', previewText: 'x' })).toBeUndefined();
    const told = await tellOwnersOf({ activities: new GraphActivityFeed(context.graph, emulatorTeamsAppId), links: feedLinks }, context.store, item.id, {
      activityType: 'returnedToYou',
      key: 'r1',
      previewText: 'What is missing: the signed procedure',
    });
    expect(told?.told.map((p) => p.email)).toEqual(item.owners.map((p) => p.email));
    const latest = (await feedOf(item.owners[0]!.email))[0];
    expect(latest).toMatchObject({ activityType: 'returnedToYou', previewText: 'What is missing: the signed procedure' });
    expect(decodeURIComponent(latest?.webUrl ?? '')).toContain(item.id);
    expect(toldInFeed(told!)).toBe(`${item.owners.map((p) => p.name).join(', ')} told in Teams`);
    // Someone outside the directory cannot be told: named, and the event itself is not held up.
    const ghost = { name: 'Nobody Here', email: 'nobody@northmere.example' };
    const outcome = await tellInFeed(new GraphActivityFeed(context.graph, emulatorTeamsAppId), [ghost], {
      key: 'r2',
      activityType: 'returnedToYou',
      parameters: { item: '4.1' },
      previewText: 'x',
      link: feedLinks.myRecommendations,
    });
    expect(outcome).toEqual({ told: [], notReached: [ghost] });
    // Read as someone the feed cannot reach, not as a failure to retry: a reminder run names them in its digest.
    const feed = new GraphActivityFeed(context.graph, emulatorTeamsAppId);
    expect(await feed.install(ghost)).toBe('refused');
    expect(toldInFeed(outcome)).toBe('Nobody Here could not be told in Teams');
  });

  it("reminds an owner by their own choice over the coordinator's default, and ignores a choice made for them by someone else", async () => {
    const day = 8;
    const due = (await remind(context.graph, 'channel', day, true)).plan.messages.map((m) => m.owner);
    const [chooser, other] = due;
    if (!chooser || !other) throw new Error('The demo should have two owners due a reminder');
    await new GraphReminderPreferences(contextFor(emulator, chooser.email).gateway).set(chooser, 'feed');
    // The coordinator writes a choice in the other owner's name: SharePoint says she wrote it, so it does not count.
    await new GraphReminderPreferences(context.gateway).set(other, 'feed');
    const preferences = new GraphReminderPreferences(context.gateway);
    expect(await preferences.all()).toEqual(new Map([[chooser.email, 'feed']]));
    const result = await runReminders({
      store: context.store,
      log: new GraphReminderLog(context.gateway),
      notifier,
      now: new Date(`${addDays(deadline, day)}T08:00:00Z`),
      links,
      dryRun: true,
      delivery: 'channel',
      feed: { activities: new GraphActivityFeed(context.graph, emulatorTeamsAppId), links },
      preferences,
    });
    expect(result.routes[chooser.email]).toEqual(['feed']);
    expect(result.routes[other.email]).toEqual(['channel']);
    // Back to the audit team's choice.
    await new GraphReminderPreferences(contextFor(emulator, chooser.email).gateway).set(chooser, undefined);
    expect(await preferences.all()).toEqual(new Map());
  });

  it('installs the app for people as they become owners, once each, and names those it cannot reach', async () => {
    const people = (await rawCall(emulator, coordinator, 'GET', '/users')).body.value as { id: string; mail: string; displayName: string }[];
    const installed = async (id: string) =>
      ((await rawCall(emulator, coordinator, 'GET', `/users/${id}/teamwork/installedApps`)).body.value as unknown[]).length > 0;
    const lacking: { id: string; mail: string; displayName: string }[] = [];
    for (const p of people) if (!(await installed(p.id))) lacking.push(p);
    const newcomer = lacking[0];
    if (!newcomer) throw new Error('The demo should have someone the app is not installed for yet');
    const person = { name: newcomer.displayName, email: newcomer.mail };
    const current = await context.store.getRecommendation((await context.store.paperData(today)).recommendations[0]!.id);
    const saved = await editRecommendation(
      context.store,
      current,
      { ...current.value, owners: [...current.value.owners, person] },
      coordinatorActor,
      new Date(),
    );
    const assigned = newOwners(current.value, saved.value);
    expect(assigned.map((p) => p.email)).toEqual([person.email]);
    // Named on two items, installed once; someone outside the directory is named, not dropped.
    const ghost = { name: 'Nobody Here', email: 'nobody@northmere.example' };
    const feed = new GraphActivityFeed(context.graph, emulatorTeamsAppId);
    const outcome = await installAppFor(feed, [...assigned, { ...person, email: person.email.toUpperCase() }, ghost]);
    expect(outcome).toEqual({ withoutApp: [ghost] });
    expect(await installed(newcomer.id)).toBe(true);
    expect(await installAppFor(feed, assigned)).toEqual({ withoutApp: [] });
    expect(withoutAppSentence(outcome)).toMatch(/^Nobody Here could not be given the app in Teams/);
    expect(await installAppFor(undefined, assigned)).toEqual({ withoutApp: [] });
  });

  it('refuses an unknown delivery before anything is sent', async () => {
    const failure = await run(process.execPath, ['--import', 'tsx', 'src/jobs/reminders.ts', '--graph', emulator.origin, '--via', 'pigeon'], {
      cwd: join(import.meta.dirname, '../..'),
    }).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringContaining('--via (or REMINDER_DELIVERY) must be one of channel, feed, both') });
  });
});
