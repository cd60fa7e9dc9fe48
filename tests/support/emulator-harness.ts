import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/server';
import { emulatorSiteOwner, jobContext, type JobContext } from '../../src/jobs/job-context';
import { provision } from '../../src/adapters/graph/provision';
import { GraphChannelNotifier } from '../../src/adapters/graph/graph-channel-notifier';
import { seedDemo } from '../../src/jobs/demo/seed-demo';

export const coordinator = 'casey.coordinator@northmere.example';
export const owner = 'priya.fleet@northmere.example';
export const otherOwner = 'tom.vetting@northmere.example';
export const panelMember = 'helen.chair@northmere.example';
/** The site's owner, who provisions. */
export const siteOwner = emulatorSiteOwner;

/** An emulator in this process on a free port, with an in-memory store unless a file is given. */
export function startTestEmulator(options: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  return startEmulator({ data: ':memory:', retryAfterSeconds: 0, ...options });
}

export function contextFor(emulator: Emulator, user = coordinator): JobContext {
  return jobContext({ graph: emulator.origin, user });
}

/** The emulator as the demo seed writes into it, replaying history on its clock. */
export const demoTarget = (emulator: Emulator) => ({ origin: emulator.origin, setClock: (at: Date | undefined) => emulator.store.setClock(at) });

/** The emulator provisioned by its site owner; the context returned is the coordinator's. */
export async function provisioned(emulator: Emulator): Promise<JobContext> {
  const admin = contextFor(emulator, siteOwner);
  await provision(admin.graph, admin.siteId, await admin.permissions());
  return contextFor(emulator);
}

/** The emulator's dev sign-in: a token for the user with these scopes, or with every scope it knows. */
export async function devToken(origin: string, user: string, scopes?: readonly string[]): Promise<string> {
  const response = await fetch(`${origin}/_dev/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user, scopes }),
  });
  const body = (await response.json()) as { access_token?: string; error?: { message: string } };
  if (!body.access_token) throw new Error(`No token for ${user}: ${body.error?.message ?? response.status}`);
  return body.access_token;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test assertions read arbitrary Graph JSON
type GraphJson = any;

/** A raw Graph call as a given user, for asserting the emulator's answers exactly. */
export async function rawCall(
  emulator: Emulator,
  user: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: GraphJson; headers: Headers }> {
  const auth: Record<string, string> = {};
  if (user) auth.Authorization = `Bearer ${await devToken(emulator.origin, user)}`;
  const url = path.startsWith('http') ? path : `${emulator.graphBase}${path}`;
  const response = await fetch(url, {
    method,
    headers: { ...auth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

/** The emulator with the demo organisation as of `today`, its one team channel, and the last meeting's update deadline. */
export async function demoWithChannel(emulator: Emulator, today: string) {
  const context = await provisioned(emulator);
  await seedDemo(demoTarget(emulator), today);
  const team: string = (await rawCall(emulator, coordinator, 'GET', '/me/joinedTeams')).body.value[0].id;
  const channel: string = (await rawCall(emulator, coordinator, 'GET', `/teams/${team}/channels`)).body.value[0].id;
  const meetings = (await context.store.paperData('2000-01-01')).meetings.sort((a, b) => a.date.localeCompare(b.date));
  return {
    context,
    team,
    channel,
    channelPath: `/teams/${team}/channels/${encodeURIComponent(channel)}/messages?$top=50`,
    notifier: new GraphChannelNotifier(context.graph, team, channel),
    deadline: meetings.at(-1)?.updateDeadline ?? today,
  };
}
