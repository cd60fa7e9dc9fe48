import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { newPageOnDay } from './browser';
import { devToken } from '../support/emulator-harness';

/** The settings Teams keeps for a configured tab (teams-js InstanceConfig). */
export interface SavedTabSettings {
  entityId: string;
  contentUrl: string;
  websiteUrl?: string;
  suggestedDisplayName?: string;
}

/** What Teams answers to getContext, in the wire (v1) shape teams-js converts from. */
export interface WireContext {
  locale: string;
  theme: 'default' | 'dark' | 'contrast';
  loginHint?: string;
  userPrincipalName?: string;
  userDisplayName?: string;
  userObjectId?: string;
  tid?: string;
  entityId?: string;
  subEntityId?: string;
  teamId?: string;
  groupId?: string;
  teamName?: string;
  channelId?: string;
  channelName?: string;
  /** Teams' wire name for a channel's kind: 'Regular', 'Private' or 'Shared' (teams-js's channel.membershipType). */
  channelType?: string;
  /** The SharePoint site of the team, or a private or shared channel's own site (teams-js's sharePointSite.teamSiteUrl). */
  teamSiteUrl?: string;
  /** In a meeting: its id, and its chat's (teams-js's meeting.id and chat.id). */
  meetingId?: string;
  chatId?: string;
}

/** The installed app, so the host can follow its deep links: its id and the address of each static tab. */
export interface InstalledApp {
  id: string;
  staticTabs: Record<string, string>;
}

/**
 * Nested app authentication as Teams brokers it: the host gets the tab a token for its user with the scopes the
 * tab asks for, here from the emulator's dev identity, so Graph then allows exactly what Entra would.
 */
export interface NestedAuth {
  emulatorOrigin: string;
}

/** A signed-in Teams user of the fictional tenant, in the context's wire shape. */
export const teamsUser = (email: string, name: string): WireContext => ({
  locale: 'en-GB',
  theme: 'default',
  loginHint: email,
  userPrincipalName: email,
  userDisplayName: name,
  userObjectId: '3f1c2e9a-7b4d-4c8e-9a21-5d6f7e8a9b0c',
  tid: '8e2d4c6a-1b3f-4a5e-8c7d-9f0e1a2b3c4d',
});

interface HostSetup {
  url: string;
  frameContext: 'content' | 'settings' | 'sidePanel' | 'meetingStage';
  context: WireContext;
  settings?: SavedTabSettings;
  app?: InstalledApp;
  nestedAuth?: NestedAuth;
  /** A host without nested app authentication: it offers only its authentication window (older clients). */
  authWindow?: boolean;
  /** In a meeting, whether this person may share the app to the stage (a presenter, with the app's consent). */
  canShareToStage?: boolean;
}

/** A nested app auth request as msal-browser sends it through the bridge teams-js installs. */
export interface NestedAuthRequest {
  method: string;
  requestId: string;
  tokenParams?: { clientId?: string; scope?: string; correlationId?: string };
}

/** What the host page exposes to the test, on window.teamsHost. */
interface HostState {
  calls: string[];
  deepLinks: string[];
  authRequests: NestedAuthRequest[];
  /** The addresses the tab asked Teams to open its authentication window at. */
  authWindows: string[];
  validity?: boolean;
  settings?: SavedTabSettings;
  /** The page the side panel shared to the meeting's stage, shown there in a second frame. */
  stageUrl?: string;
  setTheme: (theme: WireContext['theme']) => void;
  save: () => Promise<string>;
}

declare global {
  interface Window {
    teamsHost?: HostState;
    /** The host's token service, exposed from the test's process. */
    issueToken: (user: string, scopes: string[]) => Promise<string>;
  }
}

/**
 * Runs in the host page: loads the tab in an iframe and answers the teams-js protocol as Teams does (requests carry
 * id and uuid and get their answer as `args`; events from the host carry `func`). teams-js trusts messages from its
 * own origin, so the host page is served from the tab's origin.
 */
function installHost(setup: HostSetup): void {
  type Request = { id: number; uuidAsString?: string; func: string; args?: unknown[] };
  const frame = document.createElement('iframe');
  frame.title = 'Audit Tracker';
  frame.name = 'tab';
  frame.style.cssText = 'width:100%;height:100vh;border:0;display:block';
  // A meeting's stage, once the side panel shares to it: a second frame of the app, with its own frame context.
  let stage: HTMLIFrameElement | undefined;
  const runtime = {
    apiVersion: 4,
    supports: {
      app: {},
      appInitialization: {},
      pages: { config: {}, tabs: {}, appButton: {}, backStack: {} },
      teamsCore: {},
      authentication: {},
      meeting: {},
      ...(setup.nestedAuth ? { nestedAppAuth: {} } : {}),
    },
  };
  let pendingSave: ((outcome: string) => void) | undefined;
  // Which frame a request came from: the answer goes back to it, and its frame context is its own.
  const tabFrame = {
    post: (message: unknown): void => frame.contentWindow?.postMessage(message, window.location.origin),
    frameContext: () => setup.frameContext,
  };
  let from = tabFrame;
  const post = (message: unknown): void => from.post(message);
  // Teams' authentication window: opened by the host for the tab, answered through the tab's pending request.
  let authWindow: { window: Window; request: Request } | undefined;
  const finishAuth = (args: unknown[]): void => {
    if (!authWindow) return;
    const { request } = authWindow;
    authWindow = undefined;
    tabFrame.post({ id: request.id, uuidAsString: request.uuidAsString, args });
  };
  const state: HostState = {
    calls: [],
    deepLinks: [],
    authRequests: [],
    authWindows: [],
    settings: setup.settings,
    setTheme: (theme) => {
      setup.context.theme = theme;
      tabFrame.post({ func: 'themeChange', args: [theme] });
      stage?.contentWindow?.postMessage({ func: 'themeChange', args: [theme] }, window.location.origin);
    },
    save: () =>
      new Promise<string>((resolve) => {
        pendingSave = resolve;
        tabFrame.post({ func: 'settings.save', args: [{}] });
      }),
  };
  window.teamsHost = state;
  const answers: Record<string, (request: Request) => unknown[] | undefined> = {
    // Teams answers with the SDK version it supports, then its runtime (which tells teams-js to install the NAA bridge).
    initialize: () => [from.frameContext(), 'web', '2.58.0', JSON.stringify(runtime)],
    getContext: () => [{ ...setup.context, frameContext: from.frameContext(), hostClientType: 'web' }],
    'settings.getSettings': () => [state.settings ?? {}],
    'settings.setSettings': (request) => {
      state.settings = request.args?.[0] as SavedTabSettings;
      return [true];
    },
    'settings.setValidityState': (request) => {
      state.validity = request.args?.[0] === true;
      return undefined;
    },
    // Teams opens a deep link to one of the app's static tabs in place, with the sub-entity in the tab's context.
    executeDeepLink: (request) => {
      const link = new URL(String(request.args?.[0]));
      state.deepLinks.push(link.href);
      // A stage link opens the page it names in Stageview: only a page of this app's own domain.
      const stageOf = /^\/l\/stage\/([^/]+)\/0$/.exec(link.pathname)?.[1];
      if (stageOf !== undefined) {
        const { contentUrl } = JSON.parse(link.searchParams.get('context') ?? '{}') as { contentUrl?: string };
        if (stageOf !== setup.app?.id || !contentUrl || new URL(contentUrl).origin !== window.location.origin)
          return [false, 'The stage link is not to a page of this app'];
        setup.frameContext = 'content';
        setTimeout(() => (frame.src = contentUrl));
        return [true];
      }
      const [, appId, entityId] = /^\/l\/entity\/([^/]+)\/([^/?]+)/.exec(link.pathname) ?? [];
      const tab = appId === setup.app?.id && entityId ? setup.app?.staticTabs[decodeURIComponent(entityId)] : undefined;
      if (!tab || !entityId) return [false, 'The link is not to a tab of this app'];
      const { subEntityId } = JSON.parse(link.searchParams.get('context') ?? '{}') as { subEntityId?: string };
      const personalScope = { teamId: undefined, groupId: undefined, teamName: undefined, channelId: undefined, channelName: undefined };
      setup.context = { ...setup.context, ...personalScope, entityId: decodeURIComponent(entityId), subEntityId };
      setup.frameContext = 'content';
      setTimeout(() => (frame.src = tab));
      return [true];
    },
    // msal-browser's nested app auth: the host answers on the same window, outside the request/response ids.
    'nestedAppAuth.execute': (request) => {
      const auth = (request as Request & { data?: string }).data;
      const call = JSON.parse(auth ?? '{}') as NestedAuthRequest;
      state.authRequests.push(call);
      const reply = from.post;
      const answer = (body: object): void =>
        reply({ args: [null, JSON.stringify({ messageType: 'NestedAppAuthResponse', requestId: call.requestId, success: true, ...body })] });
      const { context } = setup;
      const tid = context.tid ?? '';
      const oid = context.userObjectId ?? '';
      if (call.method === 'GetInitContext') {
        answer({
          initContext: {
            sdkName: 'TeamsHost',
            sdkVersion: '1.0.0',
            capabilities: { queryAccount: false },
            accountContext: { homeAccountId: `${oid}.${tid}`, loginHint: context.loginHint },
          },
        });
        return undefined;
      }
      const base64url = (value: object): string => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
      const now = Math.floor(Date.now() / 1000);
      const claims = {
        aud: call.tokenParams?.clientId,
        iss: `https://login.microsoftonline.com/${tid}/v2.0`,
        tid,
        oid,
        sub: oid,
        name: context.userDisplayName,
        preferred_username: context.loginHint,
        iat: now,
        nbf: now,
        exp: now + 3600,
        ver: '2.0',
      };
      // The OpenID Connect scopes msal adds are about the id token; the access token carries the resource's.
      const scopes = (call.tokenParams?.scope ?? '').split(' ').filter((scope) => scope && !['openid', 'profile', 'offline_access'].includes(scope));
      void window.issueToken(context.loginHint ?? '', scopes).then((access_token) =>
        answer({
          token: {
            access_token,
            id_token: `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`,
            expires_in: 3600,
            scope: call.tokenParams?.scope,
          },
          account: {
            environment: 'login.microsoftonline.com',
            tenantId: tid,
            homeAccountId: `${oid}.${tid}`,
            localAccountId: oid,
            username: context.loginHint,
            name: context.userDisplayName,
          },
        }),
      );
      return undefined;
    },
    // Teams opens the window itself and answers the tab when the window notifies success or failure.
    'authentication.authenticate': (request) => {
      if (!setup.authWindow) return [false, 'This host has no authentication window'];
      const [url, width, height] = request.args as [string, number, number];
      state.authWindows.push(url);
      const opened = window.open(url, 'teams-auth', `popup,width=${width},height=${height}`);
      if (!opened) return [false, 'The authentication window was blocked'];
      authWindow = { window: opened, request };
      return undefined;
    },
    // Teams shares an app's page to the stage only from its own domain, and only for a presenter with consent.
    'meeting.getAppContentStageSharingCapabilities': () => [null, { doesAppHaveSharePermission: setup.canShareToStage === true }],
    'meeting.getAppContentStageSharingState': () => [null, { isAppSharing: stage !== undefined }],
    'meeting.shareAppContentToStage': (request) => {
      const url = String(request.args?.[0]);
      if (setup.canShareToStage !== true) return [{ errorCode: 1000, message: 'Only a presenter can share to the stage' }, false];
      if (new URL(url).origin !== window.location.origin) return [{ errorCode: 1000, message: 'The content is not from a domain of this app' }, false];
      stage?.remove();
      stage = document.createElement('iframe');
      stage.title = 'Meeting stage';
      stage.name = 'stage';
      stage.style.cssText = 'width:100%;height:100vh;border:0;display:block';
      stage.src = url;
      state.stageUrl = url;
      document.body.append(stage);
      return [null, true];
    },
    'settings.save.success': () => {
      pendingSave?.('success');
      return undefined;
    },
    'settings.save.failure': (request) => {
      pendingSave?.(`failure: ${String(request.args?.[0])}`);
      return undefined;
    },
  };
  const authAnswers: Record<string, (request: Request) => unknown[] | undefined> = {
    initialize: () => ['authentication', 'web', '2.58.0', JSON.stringify(runtime)],
    'authentication.authenticate.success': (request) => {
      finishAuth([true, request.args?.[0]]);
      return undefined;
    },
    'authentication.authenticate.failure': (request) => {
      finishAuth([false, request.args?.[0]]);
      return undefined;
    },
  };
  window.addEventListener('message', (event: MessageEvent<Request>) => {
    if (typeof event.data?.func !== 'string') return;
    if (authWindow && event.source === authWindow.window) {
      const request = event.data;
      state.calls.push(`auth window: ${request.func}`);
      const args = authAnswers[request.func]?.(request);
      if (args) authWindow.window.postMessage({ id: request.id, uuidAsString: request.uuidAsString, args }, window.location.origin);
      return;
    }
    const stageWindow = stage?.contentWindow;
    if (stageWindow && event.source === stageWindow) {
      from = { post: (message: unknown): void => stageWindow.postMessage(message, window.location.origin), frameContext: () => 'meetingStage' };
    } else if (event.source === frame.contentWindow) {
      from = tabFrame;
    } else return;
    const request = event.data;
    state.calls.push(from === tabFrame ? request.func : `stage: ${request.func}`);
    const args = answers[request.func]?.(request);
    if (args) post({ id: request.id, uuidAsString: request.uuidAsString, args });
  });
  frame.src = setup.url;
  document.body.append(frame);
}

export interface TeamsHostPage {
  page: Page;
  /** The tab inside the host, for locators. */
  tab: FrameLocator;
  /** The tab's frame, for evaluation (axe). */
  frame: () => Frame;
  calls: () => Promise<string[]>;
  /** The nested app auth requests the tab's msal-browser sent to the host. */
  authRequests: () => Promise<NestedAuthRequest[]>;
  /** The Teams deep links the tab asked the host to open. */
  deepLinks: () => Promise<string[]>;
  /** The addresses the tab asked Teams to open its authentication window at. */
  authWindows: () => Promise<string[]>;
  validity: () => Promise<boolean | undefined>;
  settings: () => Promise<SavedTabSettings | undefined>;
  setTheme: (theme: WireContext['theme']) => Promise<void>;
  /** Presses Teams' Save on a configuration page; resolves to "success" or "failure: <reason>". */
  save: () => Promise<string>;
  /** The meeting's stage, once the side panel shares to it. */
  stage: FrameLocator;
  stageUrl: () => Promise<string | undefined>;
}

/** Opens the tab at `path` (relative to the app) inside a Teams-like host page, with the clock on the demo's day. */
export async function openInTeamsHost(
  browser: Browser,
  appUrl: string,
  today: string,
  setup: Omit<HostSetup, 'url'> & { path: string },
): Promise<TeamsHostPage> {
  const page = await newPageOnDay(browser, today);
  const hostUrl = new URL('/teams-host.html', appUrl).href;
  await page.route(hostUrl, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><title>Teams</title><body style="margin:0"></body></html>' }),
  );
  await page.goto(hostUrl);
  const app = setup.app && {
    ...setup.app,
    staticTabs: Object.fromEntries(Object.entries(setup.app.staticTabs).map(([id, path]) => [id, new URL(path, appUrl).href])),
  };
  const { nestedAuth } = setup;
  // The host's token service runs outside the page, as Teams' does: the test's process asks the emulator.
  if (nestedAuth) await page.exposeFunction('issueToken', (user: string, scopes: string[]) => devToken(nestedAuth.emulatorOrigin, user, scopes));
  await page.evaluate(installHost, {
    url: new URL(setup.path, appUrl).href,
    frameContext: setup.frameContext,
    context: setup.context,
    settings: setup.settings,
    app,
    nestedAuth: setup.nestedAuth,
    authWindow: setup.authWindow,
    canShareToStage: setup.canShareToStage,
  });
  const frame = (): Frame => {
    const found = page.frame({ name: 'tab' });
    if (!found) throw new Error('The host has no tab frame');
    return found;
  };
  return {
    page,
    tab: page.frameLocator('iframe[name="tab"]'),
    stage: page.frameLocator('iframe[name="stage"]'),
    stageUrl: () => page.evaluate(() => window.teamsHost?.stageUrl),
    frame,
    calls: () => page.evaluate(() => [...(window.teamsHost?.calls ?? [])]),
    deepLinks: () => page.evaluate(() => [...(window.teamsHost?.deepLinks ?? [])]),
    authWindows: () => page.evaluate(() => [...(window.teamsHost?.authWindows ?? [])]),
    authRequests: () => page.evaluate(() => [...(window.teamsHost?.authRequests ?? [])]),
    validity: () => page.evaluate(() => window.teamsHost?.validity),
    settings: () => page.evaluate(() => window.teamsHost?.settings),
    setTheme: (theme) => page.evaluate((t) => window.teamsHost?.setTheme(t), theme),
    save: () => page.evaluate(() => window.teamsHost?.save() ?? Promise.resolve('no host')),
  };
}
