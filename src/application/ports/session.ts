import type { Person, Role, TargetReading } from '../../domain';
import type { UpdateDraft } from '../owner/update-draft';
import type { FeedTarget } from './activity-feed';
import type { DocumentFiles } from './document-files';
import type { DraftStore } from './draft-store';
import type { EvidenceStore } from './evidence-store';
import type { MeetingHost } from './meeting-stage';
import type { PeopleDirectory } from './people-directory';
import type { RecommendationStore } from './recommendation-store';
import type { ReminderLog } from './reminder-log';
import type { ReminderPreferences } from './reminder-preferences';
import type { TeamChannel } from './team-channel';

/** Who is signed in and the stores their requests go to. */
export interface Session {
  user: Person & { role: Role };
  store: RecommendationStore;
  evidence: EvidenceStore;
  drafts: DraftStore<UpdateDraft>;
  documents: DocumentFiles;
  directory: PeopleDirectory;
  /** The coordinators' channel, when the tab knows it (a channel tab, or the emulator's team). */
  channel: () => Promise<TeamChannel | undefined>;
  reminderLog: ReminderLog;
  reminderPreferences: ReminderPreferences;
  /** People's Teams activity feeds, when the Teams app is configured; its links open the tab in Teams. */
  feed?: FeedTarget;
  /** Where reminder links point: the tab in Teams, or this app. */
  links: { recommendation: (id: string) => string; myRecommendations: string; register: string };
  /** Opens a link the way the host wants it: Teams deep links in place inside Teams, others in a browser tab. */
  openLink: (url: string) => void;
  /** Largest evidence file accepted, in bytes (from configuration). */
  evidenceLimit: number;
  /** The user's locale for dates and times: Teams' setting inside Teams, the organisation's outside. */
  locale: string;
  /** The Teams meeting the tab is opened in: its side panel, its stage, or a tab of its chat. */
  meeting?: MeetingHost;
  /** Today in the organisation's calendar, for RAG and due dates. */
  today: string;
  /** How the organisation reads target wordings it leaves open ("Q3 2024"): from configuration. */
  targetReading: TargetReading;
}

export interface DirectoryPerson extends Person {
  role: Role;
  jobTitle?: string;
}
