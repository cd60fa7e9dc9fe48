import type {
  Audit,
  DecisionState,
  Delegation,
  Meeting,
  OwnerUpdate,
  PanelAction,
  Person,
  Recommendation,
  SuspectUpdate,
  TeamsMeetingLink,
  UpdateAnswers,
} from '../../domain';
import type { InvalidRecordError } from './errors';
import type { Versioned } from './versioned';

export interface Register {
  audits: Versioned<Audit>[];
  recommendations: Versioned<Recommendation>[];
  /** Records the store holds but that failed validation: shown to the coordinator, never dropped silently. */
  invalid: InvalidRecordError[];
  /** Where to ask for changes since this register was read (opaque to callers). */
  sync?: { audits: string; recommendations: string };
}

export interface OwnerView {
  register: Register;
  meetings: Meeting[];
  updates: OwnerUpdate[];
  /** Owners' namings of delegates on these items (trusted or not: the domain's delegatesOf decides). */
  delegations: Delegation[];
}

/**
 * One entry of the audit trail: who did what to a recommendation, and when. The trail's list is the audit
 * team's alone, so what it holds is theirs: a note for an owner is kept here too, and so is the copy of a
 * proposal as the coordinator accepted it, which the paper reads whatever happens to the update later.
 */
export interface DecisionRecord {
  recommendationId: string;
  meetingId?: string;
  kind: string;
  actor: string;
  at: string;
  detail: string;
  idempotencyKey: string;
  /** The cycle a note is filed under. */
  cycle?: string;
  /** Whom a note or update is recorded for. */
  onBehalfOf?: Person;
  /** A full update the audit team wrote on an owner's behalf: its answers. */
  answers?: UpdateAnswers;
  /** The proposal as accepted (acceptForPanel): its answers and its evidence with each file's version and hash. */
  frozen?: OwnerUpdate;
  /** What a decision is about: the target request it granted or refused, or the decision an undo takes back. */
  subjectId?: string;
  /** The issued paper a panel decision was made on (its SHA-256). */
  paperSha256?: string;
  /** The item as it was before a panel decision changed it: what an undo restores. */
  before?: DecisionState;
}

export interface RecommendationDetail {
  recommendation: Versioned<Recommendation>;
  audit: Audit | undefined;
  /** Every audit, to name the audits of related items. */
  audits: Audit[];
  /** The other items of its audit, its original if it is a repeat, and the items that repeat it. */
  related: Recommendation[];
  /** Every update, oldest first. */
  updates: OwnerUpdate[];
  /** Updates that do not count (not from an owner of the item, or a flood): shown to the coordinator. */
  suspect: SuspectUpdate[];
  /** Owners' namings of delegates on this item. */
  delegations: Delegation[];
  meetings: Meeting[];
  decisions: DecisionRecord[];
}

export interface PaperData {
  audits: Audit[];
  recommendations: Recommendation[];
  meetings: Meeting[];
  updates: OwnerUpdate[];
  suspect: SuspectUpdate[];
  delegations: Delegation[];
  /** Each recommendation's latest accepted proposal, as frozen in the trail when the coordinator accepted it. */
  accepted: OwnerUpdate[];
  /** The audit trail, oldest first: what the panel resolved at each meeting, among the rest. */
  decisions: DecisionRecord[];
  /** What the panel asked for at its meetings, done or not. */
  panelActions: Versioned<PanelAction>[];
  /** Target requests refused (their update ids): decided, though no revision was made. */
  refusedRequests: string[];
  /** Closed items reopened (an auditor's follow-up found them not implemented): the next paper reports them. */
  reopened: Pick<DecisionRecord, 'recommendationId' | 'at' | 'detail'>[];
  invalid: InvalidRecordError[];
}

export type RecommendationWrite =
  { kind: 'create'; value: Omit<Recommendation, 'id'> } | { kind: 'update'; current: Versioned<Recommendation>; value: Recommendation };

export interface WriteOutcome {
  outcome: 'written' | 'conflict' | 'failed';
  id?: string;
  message?: string;
}

/** Reads the register and the views built from it. */
export interface RegisterReader {
  /** Every audit and recommendation (follows paging). */
  loadRegister(): Promise<Register>;
  /** The register brought up to date with the changes since the last load (delta). */
  refreshRegister(previous: Register): Promise<Register>;
  /** What one owner owns, with its audits, the meetings, and updates submitted since a date: one round trip. */
  ownerView(email: string, updatesSince: string): Promise<OwnerView>;
  getRecommendation(id: string): Promise<Versioned<Recommendation>>;
  /** One recommendation with its audit, its updates and the meetings: one round trip. */
  recommendationDetail(id: string): Promise<RecommendationDetail>;
  /** The panel meetings alone (a small list): what a meeting's stage polls for the item on it. */
  meetings(): Promise<Meeting[]>;
  /** Everything a panel paper is compiled from: one batch, then any further pages. */
  paperData(updatesSince: string): Promise<PaperData>;
}

/** Writes audits, recommendations and meetings: the coordinator's records. */
export interface RecommendationWriter {
  /** Creates or replaces by audit key (title + issue date). */
  upsertAudit(audit: Omit<Audit, 'id'>): Promise<Versioned<Audit>>;
  /** Creates an audit known to be new, in one round trip; one already made under its key is replaced, as upsertAudit does. */
  createAudit(audit: Omit<Audit, 'id'>): Promise<Versioned<Audit>>;
  /** createAudit for many at once, in $batch requests (an import's new audits), answered in the order given. */
  createAudits(audits: readonly Omit<Audit, 'id'>[]): Promise<Versioned<Audit>[]>;
  /** Creates a recommendation; DuplicateReferenceError when its audit already has the reference. */
  createRecommendation(recommendation: Omit<Recommendation, 'id'>): Promise<Versioned<Recommendation>>;
  /** Creates or replaces by audit + normalised reference. */
  upsertRecommendation(recommendation: Omit<Recommendation, 'id'>): Promise<Versioned<Recommendation>>;
  /** Saves with the eTag it was read at; ConflictError when the stored one has changed. */
  saveRecommendation(recommendation: Versioned<Recommendation>): Promise<Versioned<Recommendation>>;
  /**
   * Writes many recommendations in $batch requests, reporting progress. Creates that meet an existing key
   * (an interrupted earlier run) become updates; an update whose eTag is stale is reported, never forced.
   */
  writeRecommendations(writes: RecommendationWrite[], onProgress?: (done: number, total: number) => void): Promise<WriteOutcome[]>;
  /** Creates a meeting, or replaces the one for the same cycle. */
  saveMeeting(meeting: Omit<Meeting, 'id'>): Promise<Meeting>;
  /**
   * Changes the Teams meeting a panel meeting is linked to (or the item on its stage) from the link as stored now,
   * with its eTag: a change made meanwhile is read again and the change applied to it, never overwritten.
   */
  changeTeamsMeeting(meetingId: string, change: (current: TeamsMeetingLink | undefined) => TeamsMeetingLink | undefined): Promise<Meeting>;
  /** Logs something the panel asked for; idempotent by its key. */
  logPanelAction(action: Omit<PanelAction, 'id' | 'status'> & { key: string }): Promise<Versioned<PanelAction>>;
  /** Marks a panel action done, with the eTag it was read at; ConflictError when it changed meanwhile. */
  completePanelAction(action: Versioned<PanelAction>, note: string): Promise<Versioned<PanelAction>>;
}

/**
 * The updates owners post and the audit team's notes and updates: added, never changed. Owners' updates go to
 * the list owners can add to; the audit team's (kinds coordinatorNote, coordinatorUpdate) go to its trail, which
 * only coordinators write.
 */
export interface UpdateLog {
  updatesFor(recommendationId: string): Promise<OwnerUpdate[]>;
  /** Idempotent by the update's idempotencyKey: a retry returns the record already made. */
  addUpdate(update: Omit<OwnerUpdate, 'id'>): Promise<OwnerUpdate>;
  /** Adds many updates in $batch requests; idempotent by each one's key, as addUpdate is. */
  addUpdates(updates: Omit<OwnerUpdate, 'id'>[]): Promise<void>;
  /** An owner names a deputy to write the item's updates, or a naming is ended; idempotent by its key. */
  recordDelegation(naming: { recommendationId: string; delegate: Person; idempotencyKey: string; at: string; ended: boolean }): Promise<Delegation>;
  /** The keys of the audit team's notes filed under a cycle, to tell what an earlier run already recorded. */
  noteKeys(cycle: string): Promise<Set<string>>;
}

/** Who decided what, and when: appended, never changed. */
export interface AuditTrail {
  /** Adds to the audit trail; idempotent by the record's key. */
  recordDecision(decision: DecisionRecord): Promise<void>;
}

/** The whole store, as one SharePoint site holds it; use-cases ask for the parts they need. */
export type RecommendationStore = RegisterReader & RecommendationWriter & UpdateLog & AuditTrail;
