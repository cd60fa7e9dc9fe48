import { LocalDraftStore } from '../adapters/browser/local-draft-store';
import { documentFiles } from '../adapters/documents/document-files';
import type { GraphConnection } from '../adapters/graph/graph-client';
import { GraphDirectory } from '../adapters/graph/graph-directory';
import { GraphEvidenceStore } from '../adapters/graph/graph-evidence-store';
import { teamChannel, type GraphTeamChannel } from '../adapters/graph/graph-channel-notifier';
import { linkOpener } from '../adapters/teams/teams-host';
import type { HostContext } from '../application/ports';
import { GraphRecommendationStore } from '../adapters/graph/graph-recommendation-store';
import { GraphReminderLog } from '../adapters/graph/graph-reminder-log';
import { ListGateway } from '../adapters/graph/list-gateway';
import type { Session } from '../application/ports';
import { updateDraftSchema } from '../application/owner/update-draft';
import { loadTeamsJs, openInTeams } from './use-teams-host';
import { meetingStageSharing } from '../adapters/teams/meeting-stage';
import { meetingStageUrl, meetingSurface } from './routes';
import { organisationLocale, organisationToday } from '../domain';
import type { TabConfig } from './config';
import { GraphActivityFeed } from '../adapters/graph/graph-activity-feed';
import { GraphReminderPreferences } from '../adapters/graph/graph-reminder-preferences';
import { reminderLinks } from '../application/reminders/reminder-links';

/**
 * The session's adapters over one Graph connection: the same for the emulator and a tenant, which differ only in
 * how the user signed in, which channel is theirs and where reminder links point.
 */
export function graphSession(
  graph: GraphConnection,
  settings: Pick<TabConfig, 'TAB_SITE_ID' | 'TAB_EVIDENCE_MAX_MB' | 'TAB_BARE_QUARTERS' | 'TAB_TEAMS_APP_ID' | 'TAB_TEAMS_CATALOG_APP_ID'>,
  who: Pick<Session, 'user' | 'links'> & { channel: (graph: GraphConnection) => Promise<GraphTeamChannel | undefined>; host: HostContext | undefined },
): Session {
  const gateway = new ListGateway(graph, settings.TAB_SITE_ID);
  const evidenceLimit = settings.TAB_EVIDENCE_MAX_MB * 1024 * 1024;
  return {
    user: who.user,
    store: new GraphRecommendationStore(gateway),
    evidence: new GraphEvidenceStore(graph, settings.TAB_SITE_ID, evidenceLimit),
    drafts: new LocalDraftStore(updateDraftSchema),
    documents: documentFiles,
    directory: new GraphDirectory(graph),
    channel: () => who.channel(graph),
    reminderLog: new GraphReminderLog(gateway),
    reminderPreferences: new GraphReminderPreferences(gateway),
    // People's activity feeds need the Teams app: its id names the installation and the deep links notifications open.
    feed: settings.TAB_TEAMS_APP_ID
      ? {
          activities: new GraphActivityFeed(graph, settings.TAB_TEAMS_CATALOG_APP_ID || settings.TAB_TEAMS_APP_ID),
          links: reminderLinks({ teamsAppId: settings.TAB_TEAMS_APP_ID, catalogAppId: settings.TAB_TEAMS_CATALOG_APP_ID, tabEndpoint: tabEndpoint() }),
        }
      : undefined,
    links: who.links,
    openLink: linkOpener(who.host ? { openLink: openInTeams } : undefined, (url) => window.open(url, '_blank', 'noopener,noreferrer'), who.host?.clientType),
    evidenceLimit,
    // Outside Teams the organisation's style, so the screens write dates as its papers and cards do.
    locale: who.host?.locale || organisationLocale,
    meeting: who.host?.meeting && {
      chatId: who.host.meeting.chatId,
      surface: meetingSurface(who.host.frameContext),
      stage: meetingStageSharing(async () => (await loadTeamsJs()).meeting),
      stageUrl: meetingStageUrl(),
    },
    today: organisationToday(),
    targetReading: { bareQuarters: settings.TAB_BARE_QUARTERS },
  };
}

/** Where this tab is served from: Stageview opens an item's page there. */
export const tabEndpoint = (): string => new URL('.', window.location.href).href.replace(/\/$/, '');

/** In a channel tab the Teams host names the team and channel; the personal tab has none. */
export const hostChannel =
  (host: HostContext | undefined) =>
  (graph: GraphConnection): Promise<GraphTeamChannel | undefined> =>
    host?.teamId && host.channelId ? teamChannel(graph, host.teamId, host.channelId, host.privateChannel) : Promise.resolve(undefined);
