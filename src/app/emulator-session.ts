import { EmulatorTokenProvider } from '../adapters/auth/emulator-token-provider';
import { graphScopes } from '../adapters/auth/scopes';
import { teamChannel } from '../adapters/graph/graph-channel-notifier';
import { connectGraph } from '../adapters/graph/graph-client';
import { reminderLinks } from '../application/reminders/reminder-links';
import type { DirectoryPerson, Session } from '../application/ports';
import type { TabConfig } from './config';
import type { HostContext } from '../application/ports';
import { graphSession, hostChannel, tabEndpoint } from './graph-session';
import { viewFromAddress } from './routes';

/**
 * A session against the local emulator, signed in through its dev identity. Inside a Teams host it behaves as in a
 * tenant (the tab's address picks the view, the host names the channel); in a plain browser the person's role picks
 * the view and the channel is the team's first.
 */
export function emulatorSession(config: Extract<TabConfig, { TAB_AUTH_MODE: 'emulator' }>, person: DirectoryPerson, host?: HostContext): Session {
  const origin = new URL(config.TAB_GRAPH_ORIGIN).origin;
  return graphSession(connectGraph(new EmulatorTokenProvider(origin, person.email, { graph: graphScopes }), origin), config, {
    user: { email: person.email, name: person.name, role: host ? viewFromAddress(window.location.search) : person.role },
    // Inside Teams, with the app's id configured, reminders link into Teams as they do in a tenant.
    links:
      host && config.TAB_TEAMS_APP_ID
        ? reminderLinks({ teamsAppId: config.TAB_TEAMS_APP_ID, catalogAppId: config.TAB_TEAMS_CATALOG_APP_ID, tabEndpoint: tabEndpoint() })
        : reminderLinks({ appUrl: `${window.location.origin}${window.location.pathname}` }),
    channel: host ? hostChannel(host) : (graph) => teamChannel(graph),
    host,
  });
}
