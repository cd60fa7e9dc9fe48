import { z } from 'zod';
import { LocalDraftStore } from '../adapters/browser/local-draft-store';
import { documentFiles } from '../adapters/documents/document-files';
import { updateDraftSchema } from '../application/update-draft';
import { EmulatorTokenProvider } from '../adapters/auth/emulator-token-provider';
import { connectGraph } from '../adapters/graph/graph-client';
import { GraphDirectory } from '../adapters/graph/graph-directory';
import { GraphTeamChannel } from '../adapters/graph/graph-channel-notifier';
import { GraphReminderLog } from '../adapters/graph/graph-reminder-log';
import { reminderLinks } from '../application/reminder-links';
import type { GraphConnection } from '../adapters/graph/graph-client';
import { GraphEvidenceStore } from '../adapters/graph/graph-evidence-store';
import { GraphRecommendationStore } from '../adapters/graph/graph-recommendation-store';
import { ListGateway } from '../adapters/graph/list-gateway';
import type { DirectoryPerson, Session } from '../application/session';
import { roles } from '../domain';
import type { TabConfig } from './config';

const peopleSchema = z.object({
  value: z.array(z.object({ mail: z.string(), displayName: z.string(), jobTitle: z.string().optional(), role: z.enum(roles) })),
});

export async function emulatorPeople(origin: string): Promise<DirectoryPerson[]> {
  const response = await fetch(`${origin}/_dev/users`);
  if (!response.ok) throw new Error(`the emulator answered ${response.status}`);
  return peopleSchema.parse(await response.json()).value.map((u) => ({ email: u.mail, name: u.displayName, role: u.role, jobTitle: u.jobTitle }));
}

const idsSchema = z.object({ value: z.array(z.object({ id: z.string() })) });

/** On the emulator the coordinators' channel is the first channel of the first team. */
async function firstChannel(graph: GraphConnection): Promise<GraphTeamChannel | undefined> {
  const team = idsSchema.parse(await graph.client.api('/me/joinedTeams').get()).value[0]?.id;
  if (!team) return undefined;
  const channel = idsSchema.parse(await graph.client.api(`/teams/${team}/channels`).get()).value[0]?.id;
  return channel ? new GraphTeamChannel(graph, team, channel) : undefined;
}

const today = (): string => new Date().toISOString().slice(0, 10);

/** A session against the local emulator, signed in through its dev identity. */
export function emulatorSession(config: Extract<TabConfig, { TAB_AUTH_MODE: 'emulator' }>, person: DirectoryPerson): Session {
  const origin = new URL(config.TAB_GRAPH_ORIGIN).origin;
  const graph = connectGraph(new EmulatorTokenProvider(origin, person.email), origin);
  const gateway = new ListGateway(graph, config.TAB_SITE_ID);
  return {
    user: { email: person.email, name: person.name, role: person.role },
    store: new GraphRecommendationStore(gateway),
    evidence: new GraphEvidenceStore(graph, config.TAB_SITE_ID, config.TAB_EVIDENCE_MAX_MB * 1024 * 1024),
    drafts: new LocalDraftStore(updateDraftSchema),
    documents: documentFiles,
    directory: new GraphDirectory(graph),
    channel: () => firstChannel(graph),
    reminderLog: new GraphReminderLog(gateway),
    links: reminderLinks({ appUrl: `${window.location.origin}${window.location.pathname}` }),
    evidenceLimit: config.TAB_EVIDENCE_MAX_MB * 1024 * 1024,
    today: today(),
  };
}
