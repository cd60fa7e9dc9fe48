import { useEffect, useState } from 'react';
import { connectTeamsHost, onHostThemeChange } from '../adapters/teams/teams-host';
import type { HostContext } from '../application/ports';
import { deepLinkHash } from './routes';

/** The context stays the same object for the page's life (sessions are built from it); the theme follows Teams. */
export type HostState = { status: 'connecting' } | { status: 'absent' } | { status: 'connected'; context: HostContext; theme: HostContext['theme'] };

// teams-js loads beside the first render rather than in the initial bundle; a plain browser needs none of it.
let teamsJs: Promise<typeof import('@microsoft/teams-js')> | undefined;
export const loadTeamsJs = (): Promise<typeof import('@microsoft/teams-js')> => (teamsJs ??= import('@microsoft/teams-js'));

// teams-js holds one connection per page, so every caller shares the first attempt.
let connection: Promise<HostContext | undefined> | undefined;
const connectHostOnce = (): Promise<HostContext | undefined> => (connection ??= loadTeamsJs().then(({ app }) => connectTeamsHost(app)));

/** Opens a Teams deep link through the host; only called once the tab is connected. */
export const openInTeams = async (url: string): Promise<void> => (await loadTeamsJs()).app.openLink(url);

/**
 * Teams hosts a tab in a frame (web and desktop), a popup, or a frameless mobile web view with a native interface.
 * A top-level page with none of these is a plain browser tab: no need to load teams-js or wait for it.
 */
const mayBeInTeams = (): boolean => window.parent !== window || Boolean(window.opener) || 'nativeInterface' in window;

/**
 * The Teams host, when the tab runs in one: its context, its theme as the user changes it, and the deep link it
 * opened the tab with. Outside Teams the status becomes `absent` and the tab is a plain web page.
 */
export function useTeamsHost(): HostState {
  const [state, setState] = useState<HostState>(() => (mayBeInTeams() ? { status: 'connecting' } : { status: 'absent' }));
  useEffect(() => {
    if (!mayBeInTeams()) return;
    let live = true;
    void connectHostOnce().then(async (context) => {
      if (!live) return;
      if (!context) {
        setState({ status: 'absent' });
        return;
      }
      const hash = deepLinkHash(context.subPageId, window.location.hash);
      if (hash) window.location.hash = hash;
      setState({ status: 'connected', context, theme: context.theme });
      onHostThemeChange((await loadTeamsJs()).app, (theme) => {
        if (live) setState((current) => (current.status === 'connected' ? { ...current, theme } : current));
      });
    });
    return () => {
      live = false;
    };
  }, []);
  return state;
}
