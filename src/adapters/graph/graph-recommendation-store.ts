import type { Audit, Meeting, OwnerUpdate, Recommendation, SuspectUpdate, TeamsMeetingLink } from '../../domain';
import { auditKey, byAuditTeam, mayReport, screenUpdates, standingDecisions, type Delegation, type PanelAction, type Person } from '../../domain';
import {
  ConflictError,
  type DecisionRecord,
  DuplicateReferenceError,
  ForbiddenError,
  InvalidRecordError,
  NotFoundError,
  type RecommendationDetail,
  type OwnerView,
  type RecommendationWrite,
  type WriteOutcome,
  type PaperData,
  type RecommendationStore,
  type Register,
  type Versioned,
} from '../../application/ports';
import { batchLimit, type BatchRequest, type BatchResponse } from './gateway/batch';
import { mapLimited } from '../../application/shared/map-limited';
import { PreconditionFailedError, UniqueValueError } from './gateway/errors';
import { holdsFields, type ListItem } from './gateway/list-item';
import { bareItem, eq, idIs } from './gateway/odata';
import type { DeltaResult } from './gateway/paging';
import type { ListGateway } from './list-gateway';
import {
  auditFromItem,
  auditSelect,
  auditToFields,
  decisionFromItem,
  decisionSelect,
  decisionToFields,
  delegationFromItem,
  delegationToFields,
  isDelegationItem,
  meetingFromItem,
  meetingSelect,
  meetingToFields,
  teamsMeetingFields,
  panelActionFromItem,
  panelActionSelect,
  panelActionToFields,
  auditTeamUpdateFromDecision,
  auditTeamUpdateKinds,
  auditTeamUpdateToDecision,
  recommendationFromItem,
  recommendationKey,
  recommendationSelect,
  partOwnerColumns,
  recommendationToFields,
  updateFromItem,
  updateSelect,
  updateToFields,
} from './mapping';

/** Recommendation ids per updates query: keeps each $filter short enough for any URL limit. */
const idsPerQuery = 15;

/** Maps items, keeping those that fail validation aside so the coordinator can see and fix them. */
function mapAll<T>(items: ListItem[], map: (item: ListItem) => T, invalid: InvalidRecordError[]): T[] {
  const out: T[] = [];
  for (const item of items) {
    try {
      out.push(map(item));
    } catch (error) {
      if (!(error instanceof InvalidRecordError)) throw error;
      invalid.push(error);
    }
  }
  return out;
}

function mergeById<T extends { value: { id: string } }>(previous: T[], changed: T[], removed: string[]): T[] {
  const byId = new Map(previous.map((entry) => [entry.value.id, entry]));
  for (const id of removed) byId.delete(id);
  for (const entry of changed) byId.set(entry.value.id, entry);
  return [...byId.values()];
}

/** Groups of a few ids, each one query's worth. */
const inGroups = (ids: readonly string[]): string[][] =>
  Array.from({ length: Math.ceil(ids.length / idsPerQuery) }, (_, i) => ids.slice(i * idsPerQuery, (i + 1) * idsPerQuery));

/** What the trail holds: the decisions, and the audit team's notes kept among them. */
function readTrail(items: ListItem[], invalid: InvalidRecordError[]): { decisions: DecisionRecord[]; notes: OwnerUpdate[] } {
  const decisions: DecisionRecord[] = [];
  const notes: OwnerUpdate[] = [];
  for (const item of items) {
    try {
      const decision = decisionFromItem(item);
      if (auditTeamUpdateKinds.includes(decision.kind)) notes.push(auditTeamUpdateFromDecision(item, decision));
      else decisions.push(decision);
    } catch (error) {
      if (!(error instanceof InvalidRecordError)) throw error;
      invalid.push(error);
    }
  }
  return { decisions: decisions.sort((a, b) => a.at.localeCompare(b.at)), notes };
}

/**
 * The updates that count, as SharePoint asserts them: owners' updates screened against who owns each item
 * (the domain's rule), the audit team's notes from its own list. A "note" in the owners' list was written by
 * whoever had add rights there, so it never counts.
 */
function screened(
  recommendations: readonly Recommendation[],
  updateItems: ListItem[],
  notes: OwnerUpdate[],
  invalid: InvalidRecordError[],
): { updates: OwnerUpdate[]; suspect: SuspectUpdate[]; delegations: Delegation[] } {
  // The owners' list holds their namings of delegates beside their updates; a naming counts only from an owner.
  const delegations = mapAll(updateItems.filter(isDelegationItem), delegationFromItem, invalid);
  const posted = mapAll(
    updateItems.filter((item) => !isDelegationItem(item)),
    updateFromItem,
    invalid,
  );
  const forgedNotes = posted
    .filter(byAuditTeam)
    .map((update) => ({ update, reason: `${update.author.name} (${update.author.email}) wrote it as from the audit team, in the owners' list` }));
  const { trusted, suspect } = screenUpdates(
    recommendations,
    posted.filter((u) => u.kind === 'ownerUpdate'),
    delegations,
  );
  return {
    updates: [...trusted, ...notes].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt)),
    suspect: [...forgedNotes, ...suspect],
    delegations,
  };
}

/** Trail kinds that refuse a target request. */
/** $batch requests in flight at once: Graph's guidance for SharePoint allows a few, each of up to 20 requests. */
const batchesInFlight = 4;
const chunksOf = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / batchLimit) }, (_, i) => items.slice(i * batchLimit, (i + 1) * batchLimit));

const refusals = new Set(['extensionRefused', 'extensionRefusedByCoordinator']);

/** Each recommendation's latest acceptance, as the proposal frozen in it. */
const latestAccepted = (decisions: readonly DecisionRecord[]): OwnerUpdate[] => [
  ...new Map(
    [...decisions]
      .filter((d) => d.kind === 'acceptForPanel' && d.frozen)
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((d) => [d.recommendationId, d.frozen as OwnerUpdate]),
  ).values(),
];

/** The recommendation store on SharePoint lists through Graph (tenant or emulator alike). */
export class GraphRecommendationStore implements RecommendationStore {
  constructor(readonly gateway: ListGateway) {}

  async loadRegister(): Promise<Register> {
    const [audits, recommendations] = await this.gateway.snapshot([
      // The register needs the items' fields, not SharePoint's stamps on them.
      { list: 'audits', select: auditSelect, properties: bareItem },
      { list: 'recommendations', select: recommendationSelect, properties: bareItem },
    ]);
    const asDelta = (read: { items: ListItem[]; deltaLink: string } | undefined): DeltaResult => ({
      changed: read?.items ?? [],
      removed: [],
      deltaLink: read?.deltaLink ?? '',
    });
    return this.registerFrom({ audits: [], recommendations: [], invalid: [] }, asDelta(audits), asDelta(recommendations));
  }

  async refreshRegister(previous: Register): Promise<Register> {
    if (!previous.sync) return this.loadRegister();
    const [audits, recommendations] = await this.gateway.batch([
      { id: 'audits', method: 'GET', url: this.gateway.relative(previous.sync.audits) },
      { id: 'recommendations', method: 'GET', url: this.gateway.relative(previous.sync.recommendations) },
    ]);
    // An expired token (410, resyncRequired): SharePoint can no longer say what changed, so read it all again.
    if (audits?.status === 410 || recommendations?.status === 410) return this.loadRegister();
    return this.registerFrom(
      previous,
      await this.gateway.deltaOf(audits, 'Refreshing audits'),
      await this.gateway.deltaOf(recommendations, 'Refreshing recommendations'),
    );
  }

  private registerFrom(previous: Register, audits: DeltaResult, recommendations: DeltaResult): Register {
    const invalid: InvalidRecordError[] = [];
    return {
      audits: mergeById(previous.audits, mapAll(audits.changed, auditFromItem, invalid), audits.removed),
      recommendations: mergeById(previous.recommendations, mapAll(recommendations.changed, recommendationFromItem, invalid), recommendations.removed),
      invalid: [...previous.invalid.filter((e) => !invalid.some((n) => n.record === e.record)), ...invalid],
      sync: { audits: audits.deltaLink, recommendations: recommendations.deltaLink },
    };
  }

  async ownerView(email: string, updatesSince: string): Promise<OwnerView> {
    const me = email.trim().toLowerCase();
    const [recommendations, meetings, named] = await this.gateway.batch([
      {
        id: 'recommendations',
        method: 'GET',
        url: this.gateway.itemsUrl('recommendations', {
          select: recommendationSelect,
          filter: ['Owner1', 'Owner2', 'Owner3', 'Delegate1', 'Delegate2', ...partOwnerColumns].map((column) => eq(column, me)).join(' or '),
        }),
      },
      { id: 'meetings', method: 'GET', url: this.gateway.itemsUrl('meetings', { select: meetingSelect }) },
      // Items an owner named this person a delegate on: the namings first, their recommendations next.
      { id: 'named', method: 'GET', url: this.gateway.itemsUrl('updates', { select: ['RecommendationId', 'Kind'], filter: eq('DelegateEmail', me) }) },
    ]);
    const invalid: InvalidRecordError[] = [];
    const owned = mapAll(await this.gateway.itemsOf(recommendations, 'Reading your recommendations'), recommendationFromItem, invalid);
    const namedIds = (await this.gateway.itemsOf(named, 'Reading your delegations'))
      .filter(isDelegationItem)
      .map((item) => String(item.fields.RecommendationId ?? ''))
      .filter((id) => id && !owned.some((r) => r.value.id === id));
    const namedResponses = namedIds.length
      ? await this.gateway.batch(
          [...new Set(namedIds)].map((id) => ({ id, method: 'GET' as const, url: this.gateway.itemUrl('recommendations', id, recommendationSelect) })),
        )
      : [];
    const delegatedTo = namedResponses.filter((r) => r.status === 200).map((r) => recommendationFromItem(this.gateway.itemOf(r, 'Reading a delegated item')));
    const candidates = [...owned, ...delegatedTo];
    // The owner's updates and notes only, by their recommendations' ids: a few ids a query, all in one batch.
    // With them, their audits by ID: not every audit in the organisation (thousands, for a few).
    const byIds = (list: 'updates' | 'decisions' | 'audits', select: readonly string[], ids: readonly string[], filter: (id: string) => string) =>
      inGroups(ids).map((group, i) => ({
        id: `${list}-${i}`,
        method: 'GET' as const,
        url: this.gateway.itemsUrl(list, { select, filter: group.map(filter).join(' or ') }),
      }));
    const ids = candidates.map((r) => r.value.id);
    const auditIdsOf = [...new Set(candidates.map((r) => r.value.auditId))].filter((id) => /^\d+$/.test(id));
    const responses = await this.gateway.batch([
      ...byIds('updates', updateSelect, ids, (id) => eq('RecommendationId', id)),
      ...byIds('decisions', decisionSelect, ids, (id) => eq('RecommendationId', id)),
      ...byIds('audits', auditSelect, auditIdsOf, idIs),
    ]);
    const read = async (list: string) =>
      (await Promise.all(responses.filter((r) => r.id.startsWith(`${list}-`)).map((r) => this.gateway.itemsOf(r, `Reading ${list}`)))).flat();
    const { notes } = readTrail(await read('decisions'), invalid);
    const { updates, delegations } = screened(
      candidates.map((r) => r.value),
      await read('updates'),
      notes,
      invalid,
    );
    // A naming by someone who does not own the item does not make this person its delegate.
    const mine = candidates.filter((r) => mayReport(r.value, delegations, me));
    const auditIds = new Set(mine.map((r) => r.value.auditId));
    return {
      delegations,
      register: {
        recommendations: mine,
        audits: mapAll(await read('audits'), auditFromItem, invalid).filter((a) => auditIds.has(a.value.id)),
        invalid,
      },
      meetings: mapAll(await this.gateway.itemsOf(meetings, 'Reading meetings'), meetingFromItem, invalid),
      updates: updates.filter((u) => u.submittedAt.slice(0, 10) >= updatesSince),
    };
  }

  async paperData(updatesSince: string): Promise<PaperData> {
    // Every list at once, each in ID ranges read in parallel; only the updates and the trail need SharePoint's
    // stamps (who wrote them, and when).
    const [audits, recommendations, meetings, updates, trail, actions] = (
      await this.gateway.snapshot([
        { list: 'audits', select: auditSelect, properties: bareItem },
        { list: 'recommendations', select: recommendationSelect, properties: bareItem },
        { list: 'meetings', select: meetingSelect, properties: bareItem },
        { list: 'updates', select: updateSelect, filter: `fields/SubmittedAt ge ${updatesSince}T00:00:00Z` },
        { list: 'decisions', select: decisionSelect },
        { list: 'panelActions', select: panelActionSelect },
      ])
    ).map((read) => read.items);
    const invalid: InvalidRecordError[] = [];
    const register = mapAll(recommendations ?? [], recommendationFromItem, invalid).map((r) => r.value);
    const { decisions, notes } = readTrail(trail ?? [], invalid);
    return {
      audits: mapAll(audits ?? [], auditFromItem, invalid).map((a) => a.value),
      recommendations: register,
      meetings: mapAll(meetings ?? [], meetingFromItem, invalid),
      ...screened(
        register,
        updates ?? [],
        notes.filter((n) => n.submittedAt.slice(0, 10) >= updatesSince),
        invalid,
      ),
      accepted: latestAccepted(decisions),
      reopened: decisions.filter((d) => d.kind === 'reopen'),
      refusedRequests: standingDecisions(decisions).flatMap((d) => (refusals.has(d.kind) && d.subjectId ? [d.subjectId] : [])),
      decisions,
      panelActions: mapAll(actions ?? [], panelActionFromItem, invalid),
      invalid,
    };
  }

  saveMeeting(meeting: Omit<Meeting, 'id'>): Promise<Meeting> {
    return this.upsertByKey('meetings', meetingSelect, { field: 'Cycle', value: meeting.cycle }, meetingToFields(meeting), meetingFromItem);
  }

  async meetings(): Promise<Meeting[]> {
    // A meeting that does not fit its schema is left out here, as every read of meetings reports it elsewhere.
    return mapAll(await this.gateway.query('meetings', { select: meetingSelect }), meetingFromItem, []);
  }

  async changeTeamsMeeting(meetingId: string, change: (current: TeamsMeetingLink | undefined) => TeamsMeetingLink | undefined): Promise<Meeting> {
    // The change is a function of the stored link, so applying it again to a link changed meanwhile is safe.
    for (let attempt = 1; ; attempt++) {
      const item = await this.gateway.get('meetings', meetingId, meetingSelect);
      try {
        await this.gateway.update('meetings', meetingId, teamsMeetingFields(change(meetingFromItem(item).teams)), item.etag);
        return meetingFromItem(await this.gateway.get('meetings', meetingId, meetingSelect));
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt >= 3) throw error;
      }
    }
  }

  async getRecommendation(id: string): Promise<Versioned<Recommendation>> {
    return recommendationFromItem(await this.gateway.get('recommendations', id, recommendationSelect));
  }

  async recommendationDetail(id: string): Promise<RecommendationDetail> {
    const [recommendation, updates, audits, meetings, decisions, repeatsFound] = await this.gateway.batch([
      { id: 'recommendation', method: 'GET', url: this.gateway.itemUrl('recommendations', id, recommendationSelect) },
      { id: 'updates', method: 'GET', url: this.gateway.itemsUrl('updates', { select: updateSelect, filter: eq('RecommendationId', id) }) },
      { id: 'audits', method: 'GET', url: this.gateway.itemsUrl('audits', { select: auditSelect }) },
      { id: 'meetings', method: 'GET', url: this.gateway.itemsUrl('meetings', { select: meetingSelect }) },
      { id: 'decisions', method: 'GET', url: this.gateway.itemsUrl('decisions', { select: decisionSelect, filter: eq('RecommendationId', id) }) },
      { id: 'repeats', method: 'GET', url: this.gateway.itemsUrl('recommendations', { select: recommendationSelect, filter: eq('RepeatOf', id) }) },
    ]);
    if (recommendation?.status === 404) throw new NotFoundError(`Recommendation ${id}`);
    if (recommendation?.status === 403) throw new ForbiddenError();
    const item = recommendationFromItem(this.gateway.itemOf(recommendation, 'Reading the recommendation'));
    const invalid: InvalidRecordError[] = [];
    const allAudits = mapAll(await this.gateway.itemsOf(audits, 'Reading audits'), auditFromItem, invalid);
    const trail = readTrail(await this.gateway.itemsOf(decisions, 'Reading the audit trail'), invalid);
    const repeats = await this.gateway.itemsOf(repeatsFound, 'Reading repeats of the recommendation');
    return {
      recommendation: item,
      audit: allAudits.find((a) => a.value.id === item.value.auditId)?.value,
      audits: allAudits.map((a) => a.value),
      related: mapAll([...(await this.relatedTo(item.value)), ...repeats], recommendationFromItem, invalid)
        .map((r) => r.value)
        .filter((r) => r.id !== id),
      ...screened([item.value], await this.gateway.itemsOf(updates, 'Reading updates'), trail.notes, invalid),
      meetings: mapAll(await this.gateway.itemsOf(meetings, 'Reading meetings'), meetingFromItem, invalid),
      decisions: trail.decisions,
    };
  }

  /** The item's siblings in its audit and, for a repeat, its original: what a response may be shared with. */
  private async relatedTo(item: Recommendation): Promise<ListItem[]> {
    const [siblings, original] = await this.gateway.batch([
      { id: 'siblings', method: 'GET', url: this.gateway.itemsUrl('recommendations', { select: recommendationSelect, filter: eq('AuditId', item.auditId) }) },
      ...(item.repeatOf ? [{ id: 'original', method: 'GET' as const, url: this.gateway.itemUrl('recommendations', item.repeatOf, recommendationSelect) }] : []),
    ]);
    const found = await this.gateway.itemsOf(siblings, "Reading the audit's recommendations");
    // An original since deleted is simply not there: the item no longer names it.
    return original?.status === 200 ? [...found, this.gateway.itemOf(original, 'Reading the original recommendation')] : found;
  }

  /**
   * Writes in $batch requests of 20, a few in flight, each request's answer handled in order; progress after each
   * batch. With `lostBatch: 'answerEach'`, a batch whose answer is lost reads as no answers, which `answer` treats
   * like failed ones; otherwise the failure stops the writing (every write is keyed, so a rerun completes it).
   */
  private async inBatches<W, R>(
    writes: readonly W[],
    request: (write: W, id: string) => BatchRequest,
    answer: (write: W, response: BatchResponse | undefined) => Promise<R>,
    options: { onProgress?: (done: number, total: number) => void; lostBatch?: 'answerEach' } = {},
  ): Promise<R[]> {
    const { onProgress, lostBatch } = options;
    let done = 0;
    const chunks = await mapLimited(chunksOf(writes), batchesInFlight, async (chunk) => {
      const sent = this.gateway.batch(chunk.map((write, i) => request(write, String(i))));
      const responses = lostBatch === 'answerEach' ? await sent.catch(() => undefined) : await sent;
      const outcomes: R[] = [];
      for (const [i, write] of chunk.entries()) outcomes.push(await answer(write, responses?.[i]));
      done += chunk.length;
      onProgress?.(done, writes.length);
      return outcomes;
    });
    return chunks.flat();
  }

  async writeRecommendations(writes: RecommendationWrite[], onProgress?: (done: number, total: number) => void): Promise<WriteOutcome[]> {
    const path = `${this.gateway.listPath('recommendations')}/items`;
    return this.inBatches(
      writes,
      (write, id): BatchRequest => {
        if (write.kind === 'create') return { id, method: 'POST', url: path, body: { fields: recommendationToFields(write.value) } };
        const { id: itemId, ...rest } = write.value;
        return { id, method: 'PATCH', url: `${path}/${itemId}/fields`, body: recommendationToFields(rest), headers: { 'If-Match': write.current.etag } };
      },
      async (write, response): Promise<WriteOutcome> => {
        const status = response?.status ?? 0;
        if (status >= 200 && status < 300)
          return { outcome: 'written', id: write.kind === 'update' ? write.value.id : (response?.body as { id?: string } | undefined)?.id };
        // Already made by an earlier, interrupted run (or a lost answer): write it over by its key.
        if (write.kind === 'create' && status === 409)
          return this.upsertRecommendation(write.value).then((saved) => ({ outcome: 'written' as const, id: saved.value.id }));
        if (write.kind === 'update' && status === 412) return this.staleOrOurs(write);
        return { outcome: 'failed', message: (response?.body as { error?: { message?: string } } | undefined)?.error?.message ?? `HTTP ${status}` };
      },
      { onProgress },
    );
  }

  /** New audits, twenty to a $batch; one already made under its key (an earlier run's) is replaced, as upsertAudit does. */
  createAudits(audits: readonly Omit<Audit, 'id'>[]): Promise<Versioned<Audit>[]> {
    const path = `${this.gateway.listPath('audits')}/items`;
    return this.inBatches(
      audits,
      (audit, id): BatchRequest => ({ id, method: 'POST', url: path, body: { fields: auditToFields(audit) } }),
      async (audit, response) => {
        const status = response?.status ?? 0;
        return status >= 200 && status < 300 ? auditFromItem(this.gateway.itemOf(response, 'Creating an audit')) : this.upsertAudit(audit);
      },
    );
  }

  /**
   * An update refused for its eTag: another's change, or our own write whose answer was lost and whose retry
   * met the new eTag it made. The item as it is now tells them apart: holding exactly what we sent, it is ours.
   */
  private async staleOrOurs(write: Extract<RecommendationWrite, { kind: 'update' }>): Promise<WriteOutcome> {
    const { id, ...rest } = write.value;
    const now = await this.gateway.get('recommendations', id, recommendationSelect);
    if (holdsFields(now, recommendationToFields(rest))) return { outcome: 'written', id };
    return { outcome: 'conflict', message: 'Changed in the tracker since the preview: not overwritten' };
  }

  async recordDecision(decision: DecisionRecord): Promise<void> {
    try {
      await this.gateway.create('decisions', decisionToFields(decision));
    } catch (error) {
      // The key is unique: a retried write whose answer was lost is already recorded.
      if (!(error instanceof UniqueValueError)) throw error;
    }
  }

  async updatesFor(recommendationId: string): Promise<OwnerUpdate[]> {
    return (await this.recommendationDetail(recommendationId)).updates;
  }

  /** An update already made under this key: an owner's in the updates list, or a note in the trail. */
  private async findUpdate(update: Omit<OwnerUpdate, 'id'>): Promise<OwnerUpdate | undefined> {
    if (byAuditTeam(update)) {
      const [existing] = await this.gateway.query('decisions', { select: decisionSelect, filter: eq('IdempotencyKey', update.idempotencyKey) });
      return existing ? auditTeamUpdateFromDecision(existing, decisionFromItem(existing)) : undefined;
    }
    const [existing] = await this.gateway.query('updates', { select: updateSelect, filter: eq('IdempotencyKey', update.idempotencyKey) });
    return existing ? updateFromItem(existing) : undefined;
  }

  /** Where an update is written: the owners' list, or (a note) the audit team's trail. */
  private recordOf(update: Omit<OwnerUpdate, 'id'>): { list: 'updates' | 'decisions'; fields: Record<string, unknown> } {
    return byAuditTeam(update)
      ? { list: 'decisions', fields: decisionToFields(auditTeamUpdateToDecision(update)) }
      : { list: 'updates', fields: updateToFields(update) };
  }

  private async createUpdate(update: Omit<OwnerUpdate, 'id'>): Promise<OwnerUpdate> {
    const { list, fields } = this.recordOf(update);
    const item = await this.gateway.create(list, fields);
    return list === 'decisions' ? auditTeamUpdateFromDecision(item, decisionFromItem(item)) : updateFromItem(item);
  }

  async addUpdate(update: Omit<OwnerUpdate, 'id'>): Promise<OwnerUpdate> {
    try {
      return await this.createUpdate(update);
    } catch (error) {
      // A retry of a write whose answer was lost meets the unique key, or the network failed after the write:
      // either way the record may exist, and the key finds it rather than writing it twice.
      const existing = await this.findUpdate(update);
      if (existing) return existing;
      if (error instanceof UniqueValueError) throw error;
      return this.createUpdate(update);
    }
  }

  async recordDelegation(naming: { recommendationId: string; delegate: Person; idempotencyKey: string; at: string; ended: boolean }): Promise<Delegation> {
    const find = async (): Promise<Delegation | undefined> => {
      const [existing] = await this.gateway.query('updates', { select: updateSelect, filter: eq('IdempotencyKey', naming.idempotencyKey) });
      return existing ? delegationFromItem(existing) : undefined;
    };
    try {
      return delegationFromItem(await this.gateway.create('updates', delegationToFields(naming)));
    } catch (error) {
      // A retry whose first answer was lost meets the unique key: the naming already made is the answer.
      const existing = await find();
      if (existing) return existing;
      throw error;
    }
  }

  async noteKeys(cycle: string): Promise<Set<string>> {
    const items = await this.gateway.query('decisions', { select: ['IdempotencyKey', 'Kind'], filter: eq('Cycle', cycle) });
    return new Set(items.filter((item) => item.fields.Kind === 'coordinatorNote').map((item) => String(item.fields.IdempotencyKey ?? '')));
  }

  async addUpdates(updates: Omit<OwnerUpdate, 'id'>[]): Promise<void> {
    await this.inBatches(
      updates,
      (update, id): BatchRequest => {
        const { list, fields } = this.recordOf(update);
        return { id, method: 'POST', url: `${this.gateway.listPath(list)}/items`, body: { fields } };
      },
      // Written, or its key met (an earlier run's, or this one's retried after a lost answer): done. Anything
      // else goes through addUpdate, which finds a write that happened or says why it failed.
      async (update, response) => {
        const status = response?.status ?? 0;
        if ((status >= 200 && status < 300) || status === 409) return;
        await this.addUpdate(update);
      },
      { lostBatch: 'answerEach' },
    );
  }

  /**
   * Creates the item with this unique key, or replaces the one that has it. A create that meets the key
   * (a concurrent or retried write) falls back to replacing.
   */
  private async upsertByKey<T>(
    list: 'audits' | 'recommendations' | 'meetings',
    select: readonly string[],
    key: { field: string; value: string },
    fields: Record<string, unknown>,
    fromItem: (item: ListItem) => T,
  ): Promise<T> {
    const [existing] = await this.gateway.query(list, { select, filter: eq(key.field, key.value) });
    if (!existing) {
      try {
        return fromItem(await this.gateway.create(list, fields));
      } catch (error) {
        if (!(error instanceof UniqueValueError)) throw error;
        return this.upsertByKey(list, select, key, fields, fromItem);
      }
    }
    // Writing what is already there would only change the eTag (and cost two round trips), as a re-import would.
    if (holdsFields(existing, fields)) return fromItem(existing);
    await this.gateway.update(list, existing.id, fields, existing.etag);
    return fromItem(await this.gateway.get(list, existing.id, select));
  }

  async createAudit(audit: Omit<Audit, 'id'>): Promise<Versioned<Audit>> {
    try {
      return auditFromItem(await this.gateway.create('audits', auditToFields(audit)));
    } catch (error) {
      // Made already, by an earlier run or a lost answer: the key finds it.
      if (!(error instanceof UniqueValueError)) throw error;
      return this.upsertAudit(audit);
    }
  }

  upsertAudit(audit: Omit<Audit, 'id'>): Promise<Versioned<Audit>> {
    return this.upsertByKey('audits', auditSelect, { field: 'AuditKey', value: auditKey(audit) }, auditToFields(audit), auditFromItem);
  }

  async createRecommendation(recommendation: Omit<Recommendation, 'id'>): Promise<Versioned<Recommendation>> {
    const fields = recommendationToFields(recommendation);
    try {
      return recommendationFromItem(await this.gateway.create('recommendations', fields));
    } catch (error) {
      if (!(error instanceof UniqueValueError)) throw error;
      const key = recommendationKey(recommendation.auditId, recommendation.reference);
      const [existing] = await this.gateway.query('recommendations', { select: recommendationSelect, filter: eq('RecKey', key) });
      if (!existing) throw error;
      // A retry whose first answer was lost meets its own item: that is this create, done.
      if (holdsFields(existing, fields)) return recommendationFromItem(existing);
      throw new DuplicateReferenceError(recommendationFromItem(existing));
    }
  }

  upsertRecommendation(recommendation: Omit<Recommendation, 'id'>): Promise<Versioned<Recommendation>> {
    const key = { field: 'RecKey', value: recommendationKey(recommendation.auditId, recommendation.reference) };
    return this.upsertByKey('recommendations', recommendationSelect, key, recommendationToFields(recommendation), recommendationFromItem);
  }

  async logPanelAction(action: Omit<PanelAction, 'id' | 'status'> & { key: string }): Promise<Versioned<PanelAction>> {
    try {
      return panelActionFromItem(await this.gateway.create('panelActions', panelActionToFields({ ...action, status: 'open' })));
    } catch (error) {
      // A retry whose first answer was lost meets the unique key: the action already logged is the answer.
      const [existing] = await this.gateway.query('panelActions', { select: panelActionSelect, filter: eq('ActionKey', action.key) });
      if (existing) return panelActionFromItem(existing);
      throw error;
    }
  }

  async completePanelAction(action: Versioned<PanelAction>, note: string): Promise<Versioned<PanelAction>> {
    const read = async () => panelActionFromItem(await this.gateway.get('panelActions', action.value.id, panelActionSelect));
    try {
      await this.gateway.update('panelActions', action.value.id, { ActionStatus: 'done', DoneNote: note }, action.etag);
    } catch (error) {
      if (error instanceof PreconditionFailedError) throw new ConflictError(action.value, await read());
      throw error;
    }
    return read();
  }

  async saveRecommendation(recommendation: Versioned<Recommendation>): Promise<Versioned<Recommendation>> {
    const { id, ...rest } = recommendation.value;
    try {
      await this.gateway.update('recommendations', id, recommendationToFields(rest), recommendation.etag);
    } catch (error) {
      if (error instanceof PreconditionFailedError) {
        throw new ConflictError(recommendation.value, await this.getRecommendation(id));
      }
      throw error;
    }
    return this.getRecommendation(id);
  }
}
