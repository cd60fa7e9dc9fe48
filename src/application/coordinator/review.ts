import {
  applyTransition,
  openParts,
  blankAnswers,
  effectiveStatus,
  isOwnedBy,
  latestProposal,
  withFormerOwners,
  correctOriginal,
  type RevisionApprover,
  type TargetDate,
  withdrawalProposedBy,
  reviseTarget,
  type OwnerUpdate,
  type Recommendation,
  type TransitionName,
  organisationToday,
  decisionStateOf,
  DecisionNotOpenError,
  isPanelDecision,
  keyAfterUndos,
  type RecordedDecision,
} from '../../domain';
import type { EvidenceStore, RecommendationDetail, RecommendationStore, Versioned } from '../ports';
import { requireCoordinator, type Actor } from '../shared/actor';
import type { decisionLabels } from '../shared/decision-labels';
import { describeChanges } from './recommendation-changes';

/** Where a step stands in the panel's record: the meeting and the issued paper it was decided on, or what it undoes. */
export interface PanelRecord {
  meetingId?: string;
  paperSha256?: string;
  /** For an undo: the key of the decision it undoes. */
  subjectId?: string;
}

export async function save(
  store: RecommendationStore,
  current: Versioned<Recommendation>,
  value: Recommendation,
  trail: { kind: keyof typeof decisionLabels; actor: Actor; detail: string; now: Date; frozen?: OwnerUpdate } & PanelRecord,
): Promise<Versioned<Recommendation>> {
  // The record first, keyed by the version it changes, then the change: a crash between the two leaves a
  // record whose change a rerun makes (the same key, so it is recorded once), never a change with no record.
  await store.recordDecision({
    recommendationId: value.id,
    meetingId: trail.meetingId,
    kind: trail.kind,
    actor: trail.actor.email,
    at: trail.now.toISOString(),
    detail: trail.detail,
    idempotencyKey: `${value.id}:${current.etag}:${trail.kind}`,
    frozen: trail.frozen,
    paperSha256: trail.paperSha256,
    // A decision at a meeting keeps the item as it was, so an undo before the meeting closes can put it back.
    before: trail.meetingId ? decisionStateOf(current.value) : undefined,
    subjectId: trail.subjectId,
  });
  return store.saveRecommendation({ ...current, value });
}

/**
 * The item's closure condition after a step: a conditional proposal, once accepted, makes the closure
 * conditional, and so does the panel agreeing it subject to a condition (the reason given is the condition).
 */
function closureConditionAfter(transition: TransitionName, current: string | undefined, proposed: string | undefined, reason: string | undefined) {
  if (transition === 'acceptForPanel' && proposed) return proposed;
  if (transition === 'panelAgreeSubjectTo' && reason?.trim()) return reason.trim();
  return current;
}

/** The proposal as accepted: its answers, and each file's version and content hash as they are now. */
async function freeze(proposal: OwnerUpdate, evidence: EvidenceStore | undefined): Promise<OwnerUpdate> {
  if (!evidence) throw new Error('Accepting a proposal needs the evidence library, to record its files');
  return { ...proposal, evidence: await Promise.all(proposal.evidence.map((e) => evidence.fingerprint(e))) };
}

/**
 * A lifecycle step on a recommendation, checked by the domain's state machine, saved with its eTag (a concurrent
 * change is a ConflictError, never overwritten) and written to the audit trail.
 */
export async function performTransition(
  store: RecommendationStore,
  detail: Pick<RecommendationDetail, 'recommendation' | 'updates'>,
  transition: TransitionName,
  actor: Actor,
  now: Date,
  options: { reason?: string; evidence?: EvidenceStore } & Omit<PanelRecord, 'subjectId'> = {},
): Promise<Versioned<Recommendation>> {
  // The panel's decisions go through panel-decisions, which records them against the issued paper.
  if (isPanelDecision(transition) && !options.paperSha256) {
    throw new DecisionNotOpenError("The panel's decisions are recorded against its meeting's issued paper, from the paper page");
  }
  const current = detail.recommendation;
  const proposal = latestProposal(detail.updates);
  const next = applyTransition(effectiveStatus(current.value, detail.updates), {
    transition,
    actor: { role: actor.role, ownsItem: isOwnedBy(current.value, actor.email) },
    withdrawal: current.value.withdrawal,
    narrative: proposal?.closureNarrative,
    evidenceCount: proposal?.evidence.length,
    reason: options.reason,
    openParts: openParts(current.value),
  });
  const value: Recommendation = {
    ...current.value,
    status: next,
    statusChangedAt: now.toISOString(),
    statusReason: options.reason?.trim() || undefined,
    // Proposing a withdrawal says which; the panel's noting or rejection ends the proposal.
    withdrawal: withdrawalProposedBy[transition],
    closureCondition: closureConditionAfter(transition, current.value.closureCondition, proposal?.closureCondition, options.reason),
  };
  // Accepting freezes the proposal into the trail: the paper and the panel read that copy, not the update.
  const frozen = transition === 'acceptForPanel' && proposal ? await freeze(proposal, options.evidence) : undefined;
  const { meetingId, paperSha256 } = options;
  return save(store, current, value, { kind: transition, actor, detail: options.reason ?? '', now, meetingId, paperSha256, frozen });
}

/** What a decision on a target request is called in the trail, by who decided and how. */
const targetDecisionKind = (by: 'coordinator' | 'panel', grant: boolean) =>
  by === 'coordinator' ? (grant ? 'extensionApproved' : 'extensionRefusedByCoordinator') : grant ? 'extensionGranted' : 'extensionRefused';

/**
 * Decides an owner's request for a new target. The coordinator may approve within the revision policy (the
 * domain refuses beyond it) or refuse; the panel grants or refuses at its meeting. A refusal is a decision of
 * record, naming the request, so it no longer shows as waiting.
 */
export async function decideTargetRequest(
  store: RecommendationStore,
  current: Versioned<Recommendation>,
  request: OwnerUpdate,
  decision: { by: 'coordinator' | 'panel'; grant: boolean; reason?: string; itemTrail?: readonly RecordedDecision[] } & Omit<PanelRecord, 'subjectId'>,
  actor: Actor,
  now: Date,
): Promise<Versioned<Recommendation>> {
  requireCoordinator(actor, 'records decisions on target dates');
  const asked = request.targetRequest;
  if (!asked) throw new Error('This update does not ask for a new target date');
  if (asked.target.due === undefined && decision.grant) throw new Error(`"${asked.target.text}" has no date to approve: ask the owner for one`);
  const kind = targetDecisionKind(decision.by, decision.grant);
  const detail = `${asked.target.text}: ${asked.reason}${decision.reason?.trim() ? ` – ${decision.reason.trim()}` : ''}`;
  if (!decision.grant) {
    if (decision.by === 'coordinator' && !decision.reason?.trim()) throw new Error('Give the owner a reason for refusing');
    await store.recordDecision({
      recommendationId: current.value.id,
      meetingId: decision.meetingId,
      kind,
      actor: actor.email,
      at: now.toISOString(),
      detail,
      idempotencyKey: keyAfterUndos(`${current.value.id}:${request.id}:${kind}`, decision.itemTrail ?? []),
      subjectId: request.id,
      paperSha256: decision.paperSha256,
    });
    return current;
  }
  const targets = reviseTarget(current.value.targets, {
    target: asked.target,
    reason: asked.reason,
    requestedBy: request.onBehalfOf ?? request.author,
    approvedBy: decision.by,
    approvedOn: organisationToday(now),
  });
  return save(store, current, { ...current.value, targets }, { kind, actor, detail, now, meetingId: decision.meetingId, paperSha256: decision.paperSha256 });
}

/**
 * The coordinator records a new target in the organisation's own words ("3rd Qtr 2025-26", "TBC – final
 * checks"), with its reason and who agreed it. A revision the coordinator agrees counts against the policy's
 * limit; one the panel or management agreed does not.
 */
export async function recordTargetRevision(
  store: RecommendationStore,
  current: Versioned<Recommendation>,
  revision: { target: TargetDate; reason: string; approvedBy: RevisionApprover },
  actor: Actor,
  now: Date,
): Promise<Versioned<Recommendation>> {
  requireCoordinator(actor, 'records target revisions');
  const targets = reviseTarget(current.value.targets, {
    ...revision,
    requestedBy: { email: actor.email, name: actor.name },
    approvedOn: organisationToday(now),
  });
  const detail = `${revision.target.text}, agreed by the ${revision.approvedBy}: ${revision.reason}`;
  return save(store, current, { ...current.value, targets }, { kind: 'targetRevised', actor, detail, now });
}

/** Corrects an original target entered wrongly; the trail keeps what it was and why it changed. */
export async function correctOriginalTarget(
  store: RecommendationStore,
  current: Versioned<Recommendation>,
  corrected: TargetDate,
  reason: string,
  actor: Actor,
  now: Date,
): Promise<Versioned<Recommendation>> {
  requireCoordinator(actor, 'corrects original targets');
  if (!reason.trim()) throw new Error('Say why the original target was wrong');
  const was = current.value.targets.original.text || 'none';
  const targets = correctOriginal(current.value.targets, corrected);
  return save(
    store,
    current,
    { ...current.value, targets },
    { kind: 'originalTargetCorrected', actor, detail: `From ${was} to ${corrected.text}: ${reason.trim()}`, now },
  );
}

/** A note the coordinator records for an owner who could not update ("lead unwell at the time of reporting"). */
export async function recordNoteOnBehalf(store: RecommendationStore, ...note: Parameters<typeof noteOnBehalf>): Promise<OwnerUpdate> {
  requireCoordinator(note[3], 'records notes for owners');
  return store.addUpdate(noteOnBehalf(...note));
}

/** The coordinator's note as the update it is recorded as, for one write or many. */
export function noteOnBehalf(
  recommendation: Pick<Recommendation, 'id' | 'owners'>,
  note: string,
  cycle: string,
  actor: Actor,
  idempotencyKey: string,
  now: Date,
): Omit<OwnerUpdate, 'id'> {
  if (!note.trim()) throw new Error('Write the note');
  return {
    recommendationId: recommendation.id,
    cycle,
    kind: 'coordinatorNote',
    author: { email: actor.email, name: actor.name },
    onBehalfOf: recommendation.owners[0],
    ...blankAnswers(),
    note,
    idempotencyKey,
    submittedAt: now.toISOString(),
  };
}

/**
 * The audit team's own update putting an item forward for closure on the owner's behalf (an auditor's
 * follow-up, a migrated register's word), kept as the audit team's and reviewed as any proposal is.
 */
export function auditTeamProposal(
  recommendation: Pick<Recommendation, 'id' | 'owners'>,
  proposal: { cycle: string; narrative: string; evidence: OwnerUpdate['evidence']; idempotencyKey: string },
  actor: Actor,
  now: Date,
): Omit<OwnerUpdate, 'id'> {
  return {
    recommendationId: recommendation.id,
    cycle: proposal.cycle,
    kind: 'coordinatorUpdate',
    author: { email: actor.email, name: actor.name },
    onBehalfOf: recommendation.owners[0],
    ...blankAnswers(),
    proposesClosure: true,
    closureNarrative: proposal.narrative,
    evidence: proposal.evidence,
    note: '',
    idempotencyKey: proposal.idempotencyKey,
    submittedAt: now.toISOString(),
  };
}

/** The coordinator's edit of a recommendation: saved with its eTag, and what changed written to the audit trail. */
export async function editRecommendation(
  store: RecommendationStore,
  current: Versioned<Recommendation>,
  edited: Recommendation,
  actor: Actor,
  now: Date,
): Promise<Versioned<Recommendation>> {
  requireCoordinator(actor, 'edits recommendations');
  const value = withFormerOwners(current.value, edited, now);
  return save(store, current, value, { kind: 'edited', actor, detail: describeChanges(current.value, value).join('; '), now });
}

/**
 * A recommendation the coordinator adds by hand; its creation starts its audit trail. A reference its audit
 * already has is refused (DuplicateReferenceError), never written over the existing item.
 */
export async function createRecommendation(
  store: RecommendationStore,
  recommendation: Omit<Recommendation, 'id'>,
  actor: Actor,
  now: Date,
): Promise<Versioned<Recommendation>> {
  requireCoordinator(actor, 'adds recommendations');
  const saved = await store.createRecommendation(recommendation);
  await store.recordDecision({
    recommendationId: saved.value.id,
    kind: 'created',
    actor: actor.email,
    at: now.toISOString(),
    detail: `${recommendation.reference} ${recommendation.title}`,
    idempotencyKey: `${saved.value.id}:created`,
  });
  return saved;
}
