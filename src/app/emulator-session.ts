import { EmulatorTokenProvider } from '../adapters/auth/emulator-token-provider';
import { teamChannel } from '../adapters/graph/graph-channel-notifier';
import { connectGraph } from '../adapters/graph/graph-client';
import { reminderLinks } from '../application/reminder-links';
import type { DirectoryPerson, Session } from '../application/session';
import type { TabConfig } from './config';
import { graphSession } from './graph-session';

/** A session against the local emulator, signed in through its dev identity; its channel is the team's first. */
export function emulatorSession(config: Extract<TabConfig, { TAB_AUTH_MODE: 'emulator' }>, person: DirectoryPerson): Session {
  const origin = new URL(config.TAB_GRAPH_ORIGIN).origin;
  return graphSession(
    connectGraph(new EmulatorTokenProvider(origin, person.email), origin),
    { siteId: config.TAB_SITE_ID, evidenceMaxMb: config.TAB_EVIDENCE_MAX_MB },
    {
      user: { email: person.email, name: person.name, role: person.role },
      links: reminderLinks({ appUrl: `${window.location.origin}${window.location.pathname}` }),
      channel: (graph) => teamChannel(graph),
    },
  );
}
