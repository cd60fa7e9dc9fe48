import type { app } from '@microsoft/teams-js';
import type { HostContext } from '../../application/ports';
import { personalTabFor } from '../../application/reminders/reminder-links';

/** The part of teams-js `app` we call, so the start-up sequence can be tested without Teams. */
export type TeamsApp = Pick<typeof app, 'initialize' | 'getContext' | 'registerOnThemeChangeHandler'>;

const asTheme = (value: string | undefined): HostContext['theme'] => (value === 'dark' || value === 'contrast' ? value : 'default');

/**
 * How long a page that may be in Teams (framed, opened by it, or in its mobile web view) waits for the host.
 * Teams mobile can take several seconds to answer; giving up early would skip nested app authentication.
 */
export const hostStartTimeoutMs = 10_000;

/**
 * Connects to Teams when the tab runs inside it. Outside Teams `initialize` never answers, so it is raced
 * against a timeout and the tab carries on as a plain web page. (A top-level browser tab does not wait at all:
 * the caller only asks when the page may be hosted.)
 */
export async function connectTeamsHost(teamsApp: TeamsApp, timeoutMs = hostStartTimeoutMs): Promise<HostContext | undefined> {
  const timedOut = Symbol('timeout');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outcome = await Promise.race([
    teamsApp.initialize().then(() => true),
    new Promise<typeof timedOut>((resolve) => {
      timer = setTimeout(() => resolve(timedOut), timeoutMs);
    }),
  ]).catch(() => false);
  clearTimeout(timer);
  if (outcome !== true) return undefined;
  const context = await teamsApp.getContext();
  return {
    inTeams: true,
    user: { loginHint: context.user?.loginHint ?? context.user?.userPrincipalName, name: context.user?.displayName, tenantId: context.user?.tenant?.id },
    teamId: context.team?.groupId,
    channelId: context.channel?.id,
    privateChannel: context.channel?.membershipType === 'Private' || context.channel?.membershipType === 'Shared' || undefined,
    // A meeting's chat, side panel and stage all carry the meeting chat's id: the one key for the meeting.
    meeting: context.meeting?.id ? { chatId: context.chat?.id ?? context.meeting.id } : undefined,
    locale: context.app.locale,
    theme: asTheme(context.app.theme),
    frameContext: context.page.frameContext,
    clientType: context.app.host.clientType,
    subPageId: context.page.subPageId,
  };
}

/** Follows the host's theme as the user changes it in Teams. */
export function onHostThemeChange(teamsApp: TeamsApp, handler: (theme: HostContext['theme']) => void): void {
  teamsApp.registerOnThemeChangeHandler((theme) => handler(asTheme(theme)));
}

const teamsDeepLink = /^https:\/\/teams\.microsoft\.com\/l\//;

/**
 * How the tab opens a link. Inside Teams a Teams deep link goes to the host, which opens the tab in place (a
 * browser tab would leave Teams); anything else, or a host that refuses, opens a new browser tab.
 */
export function linkOpener(teamsApp: Pick<typeof app, 'openLink'> | undefined, openWindow: (url: string) => void, clientType?: string): (url: string) => void {
  return (url) => {
    // Teams mobile shows no Stageview: an item's stage link opens it in the personal tab there.
    const link = clientType === 'android' || clientType === 'ios' ? (personalTabFor(url) ?? url) : url;
    if (teamsApp && teamsDeepLink.test(link)) teamsApp.openLink(link).catch(() => openWindow(link));
    else openWindow(link);
  };
}
