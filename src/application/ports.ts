import type { Notifier } from './reminders';
import type { Audit, EvidenceRef, Meeting, OwnerUpdate, PanelPaper, Person, Recommendation } from '../domain';

/** A record with the version it was read at, so a save can be refused if someone changed it meanwhile. */
export interface Versioned<T> {
  value: T;
  etag: string;
}

/** Someone else changed the record since it was read: both versions, so nothing is silently overwritten. */
export class ConflictError<T> extends Error {
  constructor(
    readonly mine: T,
    readonly theirs: Versioned<T>,
  ) {
    super('Someone else changed this record since you opened it');
    this.name = 'ConflictError';
  }
}

/** A new recommendation's reference is one its audit already has: the existing item, to open instead. */
export class DuplicateReferenceError extends Error {
  constructor(readonly existing: Versioned<Recommendation>) {
    super(`This audit already has recommendation ${existing.value.reference} "${existing.value.title}"`);
    this.name = 'DuplicateReferenceError';
  }
}

/** The store refused the operation for this user. */
export class ForbiddenError extends Error {
  constructor(message = 'You do not have permission to do this') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** Data from the store did not match what we expect: never used half-read. */
export class InvalidRecordError extends Error {
  constructor(
    readonly record: string,
    readonly problems: string[],
  ) {
    super(`${record} is not valid: ${problems.join('; ')}`);
    this.name = 'InvalidRecordError';
  }
}

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
}

/** One entry of the audit trail: who did what to a recommendation, and when. */
export interface DecisionRecord {
  recommendationId: string;
  meetingId?: string;
  kind: string;
  actor: string;
  at: string;
  detail: string;
  idempotencyKey: string;
}

export interface RecommendationDetail {
  recommendation: Versioned<Recommendation>;
  audit: Audit | undefined;
  /** Every update, oldest first. */
  updates: OwnerUpdate[];
  meetings: Meeting[];
  decisions: DecisionRecord[];
}

export interface PaperData {
  audits: Audit[];
  recommendations: Recommendation[];
  meetings: Meeting[];
  updates: OwnerUpdate[];
  invalid: InvalidRecordError[];
}

export type RecommendationWrite =
  | { kind: 'create'; value: Omit<Recommendation, 'id'> }
  | { kind: 'update'; current: Versioned<Recommendation>; value: Recommendation };

export interface WriteOutcome {
  outcome: 'written' | 'conflict' | 'failed';
  id?: string;
  message?: string;
}

export interface RecommendationStore {
  /** Every audit and recommendation (follows paging). */
  loadRegister(): Promise<Register>;
  /** The register brought up to date with the changes since the last load (delta). */
  refreshRegister(previous: Register): Promise<Register>;
  /** What one owner owns, with its audits, the meetings, and updates submitted since a date: one round trip. */
  ownerView(email: string, updatesSince: string): Promise<OwnerView>;
  getRecommendation(id: string): Promise<Versioned<Recommendation>>;
  /** One recommendation with its audit, its updates and the meetings: one round trip. */
  recommendationDetail(id: string): Promise<RecommendationDetail>;
  updatesFor(recommendationId: string): Promise<OwnerUpdate[]>;
  /** Idempotent by the update's idempotencyKey: a retry returns the record already made. */
  addUpdate(update: Omit<OwnerUpdate, 'id'>): Promise<OwnerUpdate>;
  /** Adds many updates in $batch requests; idempotent by each one's key, as addUpdate is. */
  addUpdates(updates: Omit<OwnerUpdate, 'id'>[]): Promise<void>;
  /** The keys of the updates filed under a cycle, to tell what an earlier run already recorded. */
  updateKeys(cycle: string): Promise<Set<string>>;
  /** Creates or replaces by audit key (title + issue date). */
  upsertAudit(audit: Omit<Audit, 'id'>): Promise<Versioned<Audit>>;
  /** Creates a recommendation; DuplicateReferenceError when its audit already has the reference. */
  createRecommendation(recommendation: Omit<Recommendation, 'id'>): Promise<Versioned<Recommendation>>;
  /** Creates or replaces by audit + normalised reference. */
  upsertRecommendation(recommendation: Omit<Recommendation, 'id'>): Promise<Versioned<Recommendation>>;
  /** Everything a panel paper is compiled from: one batch, then any further pages. */
  paperData(updatesSince: string): Promise<PaperData>;
  /** Creates a meeting, or replaces the one for the same cycle. */
  saveMeeting(meeting: Omit<Meeting, 'id'>): Promise<Meeting>;
  /**
   * Writes many recommendations in $batch requests, reporting progress. Creates that meet an existing key
   * (an interrupted earlier run) become updates; an update whose eTag is stale is reported, never forced.
   */
  writeRecommendations(writes: RecommendationWrite[], onProgress?: (done: number, total: number) => void): Promise<WriteOutcome[]>;
  /** Adds to the audit trail; idempotent by the record's key. */
  recordDecision(decision: DecisionRecord): Promise<void>;
  /** Saves with the eTag it was read at; ConflictError when the stored one has changed. */
  saveRecommendation(recommendation: Versioned<Recommendation>): Promise<Versioned<Recommendation>>;
}

export interface UploadProgress {
  sent: number;
  total: number;
}

export interface EvidenceFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface EvidenceStore {
  upload(folder: string, file: EvidenceFile, onProgress?: (progress: UploadProgress) => void): Promise<EvidenceRef>;
  download(driveItemId: string): Promise<Uint8Array>;
}

/** What a token is for: Microsoft Graph, or SharePoint's own REST API. */
export type TokenResource = 'graph' | 'sharepoint';

/** A bearer token for Graph (or SharePoint REST, by resource). */
export interface TokenProvider {
  getToken(resource?: TokenResource): Promise<string>;
}

/** A form's work in progress, kept on this device until it is submitted. */
export interface DraftStore<T> {
  load(key: string): T | undefined;
  save(key: string, draft: T): void;
  clear(key: string): void;
}

/** Office files in and out: the panel paper (.docx), the register and its empty template (.xlsx), and reading a register. */
export interface DocumentFiles {
  paperDocx(paper: PanelPaper): Promise<Blob>;
  registerXlsx(data: Pick<PaperData, 'audits' | 'recommendations' | 'updates'>): Promise<Blob>;
  templateXlsx(): Promise<Blob>;
  /** Rows of text, header first; throws an error with one clear message for a file it cannot read. */
  readRegister(name: string, bytes: Uint8Array): Promise<string[][]>;
}

/** The organisation's people, for choosing owners. */
export interface PeopleDirectory {
  people(): Promise<Person[]>;
}

/** A message as posted in the channel, for the in-tab Channel view. */
export interface PostedMessage {
  id: string;
  at: string;
  from: string;
  text: string;
  cards: unknown[];
}

/** The coordinators' channel: where reminders go and what the tab shows of it. */
export interface TeamChannel {
  notifier: Notifier;
  recent(): Promise<PostedMessage[]>;
}
