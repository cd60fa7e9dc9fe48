import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { directoryRoutes, userResource } from './directory';
import { entraEndpoints } from './entra';
import { driveRoutes, fileAtWebUrl, uploadFragment, uploadStatus } from './drive';
import { FaultInjector, parseFaults } from './faults';
import { badRequest, dispatch, errorBody, GraphError, type EmuRequest, type EmuResponse, type Route } from './http';
import { DevIdentity, loadDirectory, type Directory } from './identity';
import { listItemRoutes } from './lists/routes';
import { sharePointRoutes } from './sharepoint-rest';
import { emulatorHost, listFinder, siteRoutes } from './sites';
import { knownScopes, unknownScopes } from './scopes';
import { Store } from './store';
import { teamRoutes } from './teams';
import { activityFeedRoutes, feedOf } from './activity-feed';

/** When a request had arrived, and how long it then waited as the added latency. */
interface RequestTiming {
  started: number;
  slept: number;
}

export interface EmulatorOptions {
  /** SQLite file, or ':memory:'. */
  data: string;
  port?: number;
  host?: string;
  latencyMs?: number;
  faults?: string;
  retryAfterSeconds?: number;
  directory?: Directory;
  /** How long an access token lasts, as Entra's last about an hour. */
  tokenLifetimeSeconds?: number;
  /**
   * The tab's origins, the only web pages the dev sign-in answers (callers with no Origin, such as jobs, are
   * not web pages). Unset: any page served from this machine's loopback.
   */
  tabOrigins?: string[];
  /** The Teams app the organisation's catalog holds (its manifest id; here the catalog id is the same). */
  teamsAppId?: string;
  /** Serves /_dev/clock, so the demo seed can replay past cycles. Off unless asked for. */
  devClock?: boolean;
}

export interface Emulator {
  /** e.g. http://127.0.0.1:5001 */
  origin: string;
  /** Graph base, e.g. http://127.0.0.1:5001/v1.0 */
  graphBase: string;
  store: Store;
  faults: FaultInjector;
  setLatency(ms: number): void;
  close(): Promise<void>;
}

const maxBatch = 20;

const loopbackOrigin = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;
const clockSchema = z.object({ at: z.iso.datetime({ offset: true }).nullable() });

/** A dev sign-in: the person, and the scopes the caller asks for (every scope the emulator knows when none are named). */
const tokenRequestSchema = z.object({ user: z.string(), scopes: z.array(z.string()).optional() });
const maxBody = 64 * 1024 * 1024;
/** Graph refuses a JSON request body over 4 MB (413), whatever the service behind it would store. */
const maxJsonBody = 4 * 1024 * 1024;

const batchSchema = z.object({
  requests: z
    .array(
      z.object({
        id: z.string().min(1),
        method: z.string(),
        url: z.string().min(1),
        headers: z.record(z.string(), z.string()).optional(),
        body: z.unknown().optional(),
        dependsOn: z.array(z.string()).optional(),
      }),
    )
    .min(1)
    .max(maxBatch, `A batch holds at most ${maxBatch} requests`),
});

function seedStore(store: Store, directory: Directory): void {
  store.transaction(() => {
    for (const user of directory.users) store.upsertUser(user);
    store.ensureSite(emulatorHost, '/', 'Audit Tracker');
    store.ensureTeam('Audit and Inspection', directory.organisation, 'Audit Coordination');
    // Committees often meet in a private channel, where Workflows cannot post.
    store.ensurePrivateChannel('Audit Panel (private)');
  });
}

const lowerHeaders = (headers: Record<string, string | string[] | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : (v ?? '')]));

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0 || !(contentType ?? '').includes('json')) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw badRequest('The request body is not valid JSON');
  }
}

/** The local app package's id (env/.env.local's TEAMS_APP_ID), which the emulator's catalog holds by default. */
export const emulatorTeamsAppId = '6f1c2a0e-3b7d-4e59-9a41-2d8c5f0b7e13';

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const store = new Store(options.data);
  seedStore(store, options.directory ?? loadDirectory());
  const identity = new DevIdentity(store, options.tokenLifetimeSeconds ?? 3600);
  const entra = entraEndpoints(store, identity);
  const faults = new FaultInjector(parseFaults(options.faults), options.retryAfterSeconds ?? 1);
  let latency = options.latencyMs ?? 0;
  const teamsApp = options.teamsAppId ?? emulatorTeamsAppId;
  let origin = '';

  const graphRoutes: Route[] = [
    ...directoryRoutes(store),
    ...siteRoutes(store),
    ...listItemRoutes(store, listFinder(store)),
    ...driveRoutes(store, () => origin),
    ...teamRoutes(store),
    ...activityFeedRoutes(store, { id: teamsApp, externalId: teamsApp, displayName: 'Audit Tracker' }),
  ];
  const spRoutes = sharePointRoutes(store);

  const asResponse = (error: unknown, requestId: string): EmuResponse => {
    if (error instanceof GraphError) return { status: error.status, headers: error.headers, body: errorBody(error, requestId) };
    console.error('emulator: unexpected error', error);
    return { status: 500, body: errorBody(new GraphError(500, 'generalException', 'An unexpected error occurred'), requestId) };
  };

  /** One Graph request, with faults drawn for it: used for top-level calls and for each request in a batch. */
  async function handleGraph(request: EmuRequest, routes: Route[], requestId: string): Promise<EmuResponse> {
    try {
      faults.before(request.method);
      const response = await dispatch(routes, request);
      if (faults.loseResponse(request.method)) {
        return asResponse(
          new GraphError(504, 'gatewayTimeout', 'Injected fault: the response was lost after the change was made', {
            'Retry-After': String(faults.retryAfterSeconds),
          }),
          requestId,
        );
      }
      return response;
    } catch (error) {
      return asResponse(error, requestId);
    }
  }

  async function handleBatch(request: EmuRequest, requestId: string): Promise<EmuResponse> {
    const parsed = batchSchema.safeParse(request.body);
    if (!parsed.success) throw badRequest(`Invalid batch: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    const statuses = new Map<string, number>();
    const responses = [];
    for (const sub of parsed.data.requests) {
      const failedDependency = (sub.dependsOn ?? []).some((id) => (statuses.get(id) ?? 424) >= 400);
      let response: EmuResponse;
      if (failedDependency) {
        response = asResponse(new GraphError(424, 'failedDependency', 'A request this one depends on failed'), requestId);
      } else {
        const url = new URL(sub.url.replace(/^\/?/, '/'), 'http://batch');
        const headers = lowerHeaders(sub.headers ?? {});
        const raw = sub.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(sub.body));
        response = await handleGraph(
          { ...request, method: sub.method.toUpperCase(), path: url.pathname, query: url.searchParams, headers, body: sub.body, raw },
          graphRoutes,
          requestId,
        );
      }
      statuses.set(sub.id, response.status);
      responses.push({ id: sub.id, status: response.status, headers: { 'Content-Type': 'application/json', ...response.headers }, body: response.body });
    }
    return { status: 200, body: { responses } };
  }

  async function route(req: IncomingMessage, raw: Buffer, timing: RequestTiming): Promise<EmuResponse> {
    const requestId = randomUUID();
    const url = new URL(req.url ?? '/', origin);
    const headers = lowerHeaders(req.headers);
    const method = (req.method ?? 'GET').toUpperCase();
    try {
      if (method === 'OPTIONS') return { status: 204 };
      if (url.pathname.startsWith('/_dev/') && !devPageAllowed(headers['origin'])) {
        // Another site's page asking for a token would sign its visitor in as anyone: only the tab may ask.
        throw new GraphError(403, 'accessDenied', 'The dev sign-in answers only the Audit Tracker tab');
      }
      if (url.pathname === '/_dev/clock' && method === 'POST' && options.devClock) {
        const body = clockSchema.safeParse(parseBody(raw, 'json'));
        if (!body.success) throw badRequest('Send {"at": "<ISO date-time>"} or {"at": null}');
        store.setClock(body.data.at ? new Date(body.data.at) : undefined);
        return { status: 204 };
      }
      if (url.pathname === '/_dev/users' && method === 'GET') {
        return { status: 200, body: { value: store.users().map((u) => ({ ...userResource(u), role: u.role, siteOwner: u.siteOwner === true })) } };
      }
      if (url.pathname === '/_dev/token' && method === 'POST') {
        const body = tokenRequestSchema.safeParse(parseBody(raw, 'json'));
        if (!body.success) throw badRequest('Send {"user": "<email>", "scopes": ["<scope>", …]}');
        const unknown = unknownScopes(body.data.scopes ?? []);
        if (unknown.length > 0) throw new GraphError(400, 'invalid_scope', `The emulator knows no scope named ${unknown.map((s) => `'${s}'`).join(', ')}`);
        const token = identity.issue(body.data.user, body.data.scopes ?? knownScopes);
        if (!token) throw new GraphError(400, 'invalid_grant', `No user '${body.data.user}' in the emulator's directory`);
        return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: identity.lifetimeSeconds } };
      }
      if (url.pathname === '/_dev/health') return { status: 200, body: { ok: true } };
      const feed = /^\/_dev\/feed\/([^/]+)$/.exec(url.pathname);
      if (feed && method === 'GET') return { status: 200, body: { value: feedOf(store, decodeURIComponent(feed[1] ?? '')) } };
      const signIn = entra(method, url.pathname, raw);
      if (signIn) return signIn;
      const upload = /^\/_upload\/([0-9a-f-]+)$/.exec(url.pathname);
      if (upload?.[1] && method === 'GET') return uploadStatus(store, upload[1]);
      if (upload?.[1] && method === 'PUT') {
        faults.before();
        return uploadFragment(store, { method, path: url.pathname, query: url.searchParams, headers, body: undefined, raw, base: `${origin}/v1.0` }, upload[1]);
      }
      const graph = /^\/v1\.0(\/.*)$/.exec(url.pathname);
      const sharePoint = /^\/_api(\/.*)$/.exec(url.pathname);
      if (!graph?.[1] && !sharePoint?.[1]) {
        // Not an API call: a browser following a file's webUrl, or nothing the emulator serves.
        const file = method === 'GET' ? fileAtWebUrl(store, url.pathname) : undefined;
        if (file) return file;
        throw new GraphError(404, 'notFound', `No such endpoint: ${url.pathname}`);
      }
      if ((headers['content-type'] ?? '').includes('json') && raw.length > maxJsonBody) {
        throw new GraphError(413, 'requestTooLarge', `The request body is over Graph's ${maxJsonBody / 1048576} MB limit`);
      }
      const caller = identity.verify(headers['authorization']);
      if ('refused' in caller) throw new GraphError(401, 'InvalidAuthenticationToken', caller.refused);
      if (latency > 0) {
        const asleep = performance.now();
        await new Promise((resolve) => setTimeout(resolve, latency));
        timing.slept = performance.now() - asleep;
      }
      const request: EmuRequest = {
        method,
        path: (graph?.[1] ?? sharePoint?.[1]) as string,
        query: url.searchParams,
        headers,
        body: parseBody(raw, headers['content-type']),
        raw,
        user: caller.user,
        scopes: caller.scopes,
        base: `${origin}/v1.0`,
      };
      if (graph?.[1] === '/$batch' && method === 'POST') {
        faults.before();
        return await handleBatch(request, requestId);
      }
      return await handleGraph(request, graph ? graphRoutes : spRoutes, requestId);
    } catch (error) {
      return asResponse(error, requestId);
    }
  }

  const devPageAllowed = (pageOrigin: string | undefined): boolean =>
    !pageOrigin || (options.tabOrigins ? options.tabOrigins.includes(pageOrigin) : loopbackOrigin.test(pageOrigin));

  function send(res: ServerResponse, response: EmuResponse, requestId: string, path: string, pageOrigin: string | undefined, timing?: RequestTiming): void {
    // Graph answers any origin (a bearer token is the credential); the dev sign-in only the tab's.
    if (!path.startsWith('/_dev/')) res.setHeader('Access-Control-Allow-Origin', '*');
    else if (pageOrigin && devPageAllowed(pageOrigin)) res.setHeader('Access-Control-Allow-Origin', pageOrigin);
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
    res.setHeader(
      'Access-Control-Allow-Headers',
      'Authorization, Content-Type, Content-Range, If-Match, Prefer, SdkVersion, client-request-id, X-HTTP-Method, Accept, ConsistencyLevel',
    );
    res.setHeader('Access-Control-Expose-Headers', 'ETag, Retry-After, request-id, Location, Server-Timing');
    res.setHeader('request-id', requestId);
    for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, value);
    const json = response.binary || response.body === undefined ? undefined : JSON.stringify(response.body);
    // The emulator's own time for the answer, without the latency it adds: a client can tell its time from ours.
    if (timing) res.setHeader('Server-Timing', `app;dur=${(performance.now() - timing.started - timing.slept).toFixed(1)}`);
    if (response.binary) {
      res.writeHead(response.status).end(response.binary);
    } else if (json === undefined) {
      res.writeHead(response.status).end();
    } else {
      res.setHeader('Content-Type', 'application/json; odata.metadata=minimal');
      res.setHeader('Content-Length', Buffer.byteLength(json));
      res.writeHead(response.status).end(json);
    }
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBody) chunks.push(chunk);
    });
    req.on('end', () => {
      const timing: RequestTiming = { started: performance.now(), slept: 0 };
      const requestId = randomUUID();
      const path = new URL(req.url ?? '/', origin).pathname;
      const pageOrigin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
      if (size > maxBody) {
        send(res, asResponse(new GraphError(413, 'requestTooLarge', 'The request body is too large'), requestId), requestId, path, pageOrigin);
        return;
      }
      void route(req, Buffer.concat(chunks), timing).then((response) => send(res, response, requestId, path, pageOrigin, timing));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  origin = `http://${options.host ?? '127.0.0.1'}:${address.port}`;

  return {
    origin,
    graphBase: `${origin}/v1.0`,
    store,
    faults,
    setLatency: (ms) => {
      latency = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          store.close();
          resolve();
        });
      }),
  };
}
