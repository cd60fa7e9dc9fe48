import { compareAuditsOldestFirst, auditHeading, auditIssuedLabel, type Audit } from './audit';
import type { IsoDate } from './calendar';
import { isRunning, isWithdrawal, type Withdrawal } from './lifecycle';
import type { Meeting } from './meeting';
import { actionsForPaper, type ActionForPaper, type PanelAction } from './panel-action';
import { reportsProgress, updatesByRecommendation, type OwnerUpdate } from './owner-update';
import { defaultBoilerplate, type PaperBoilerplate } from './paper-boilerplate';
import type { PaperFigures } from './paper-settings';
import { priorities, type Priority } from './priority';
import { effectiveStatus, type Recommendation } from './recommendation';
import { compareReferenceKeys } from './reference';
import { repeatDescription } from './repeat';
import { cycleSortKey } from './cycle';
import { defaultPaperSettings } from './paper-settings';
import { collectiveReferral, type CollectiveLead } from './collective-response';
import { currentTarget, hasExceededOriginal, nextRevisionNeedsPanel, requestDecided, type RevisionPolicy } from './target-history';

export interface SummaryRow {
  priority: Priority;
  /** Reported to this panel: every running recommendation of this priority (shown in its priority's colour column). */
  totalReported: number;
  running: number;
  /** Accepted by the coordinator for the panel: the paper's "Proposed Closed" column (an owner's proposal is not yet). */
  acceptedForPanel: number;
  notAccepted: number;
}

export interface PaperItem {
  recommendationId: string;
  auditTitle: string;
  priority: Priority;
  reference: string;
  title: string;
  /** What a conditional closure hangs on ("subject to approval of … at …"), printed beside the item. */
  condition?: string;
}

export interface ExceededTarget extends Omit<PaperItem, 'priority'> {
  /** The group §6 prints the row under, as the reference heads it: "FLEET MANAGEMENT – September 2018". */
  auditHeading: string;
  originalTarget: string;
  currentTarget: string;
  context: string;
}

export interface ExtensionRequest extends PaperItem {
  currentTarget: string;
  requestedTarget: string;
  reason: string;
  needsPanel: boolean;
}

export interface ReopenedItem extends PaperItem {
  reason: string;
}

/** A withdrawal the coordinator proposed, for the panel to note: which one, and why. */
export interface ProposedWithdrawal extends PaperItem {
  withdrawal: Withdrawal;
  reason: string;
}

/** One update in an item's printed history, with what it prints instead when it is a response printed elsewhere. */
export interface AppendixEntry {
  update: OwnerUpdate;
  /** A shared response printed in full at an earlier item: what this one prints instead of repeating it. */
  collectiveReferral?: string;
}

export interface AppendixItem {
  recommendation: Recommendation;
  /** The updates the paper prints, oldest first under their cycles: all, or those since the panel last decided. */
  history: AppendixEntry[];
  /** Put to the panel: the item carries the paper's PROPOSED CLOSED marker. */
  proposedClosed: boolean;
  /** This cycle's update (the latest, when there are several); undefined when none came in. */
  update: OwnerUpdate | undefined;
  /** The Word bookmark §5 points its page number at. */
  bookmark: string;
  /** "Repeat of 4.2, Fleet Management, September 2018", for a repeat or revisit recommendation. */
  repeatOf?: string;
  /** A shared response printed in full at an earlier item: what this one prints instead of repeating it. */
  collectiveReferral?: string;
}

export interface PanelPaper {
  meeting: Meeting;
  /** The programme's figures for the first page, when the meeting's settings ask for them. */
  programme?: PaperFigures;
  boilerplate: PaperBoilerplate;
  summary: { rows: SummaryRow[]; total: Omit<SummaryRow, 'priority'> };
  /** §5, "proposed closed" in the paper's words: the closures the coordinator accepted for the panel to decide. */
  acceptedForPanel: PaperItem[];
  /** Closed items reopened since the last meeting, with why: reported so the panel knows its decision was undone. */
  reopened: ReopenedItem[];
  /** What earlier meetings asked for and is not yet done. */
  actions: ActionForPaper[];
  /** Closures the panel agreed subject to a condition not yet confirmed: carried until it is. */
  awaitingCondition: PaperItem[];
  /** Not adopted, risk accepted or superseded, as the coordinator proposed: the panel notes each, none vanishes. */
  withdrawals: ProposedWithdrawal[];
  /** Items that became not adopted, risk accepted or superseded since the last meeting: reported once, then gone. */
  withdrawnSinceLastMeeting: ProposedWithdrawal[];
  exceededTargets: ExceededTarget[];
  extensionRequests: ExtensionRequest[];
  appendix: { audit: Audit; heading: string; items: AppendixItem[] }[];
}

export interface PaperInput {
  meeting: Meeting;
  /** The meeting before this one, if any: a proposal returned since then counts as not accepted this cycle. */
  previousMeetingDate?: IsoDate;
  audits: readonly Audit[];
  recommendations: readonly Recommendation[];
  updates: readonly OwnerUpdate[];
  /** Proposals as the coordinator accepted them (frozen in the trail): what the panel decides on. */
  accepted?: readonly OwnerUpdate[];
  /** Target requests a decision refused (their update ids): decided, so no longer in the extensions table. */
  refusedRequests?: readonly string[];
  /** Every meeting, and what the panel asked for at them: open actions are carried into each later paper. */
  meetings?: readonly Meeting[];
  panelActions?: readonly { value: PanelAction }[];
  /** Reopenings recorded in the trail. */
  reopened?: readonly { recommendationId: string; at: string; detail: string }[];
  boilerplate?: PaperBoilerplate;
  policy?: RevisionPolicy;
  /** When the panel decided on each item (trail entries against a meeting): "since the last decision" starts there. */
  panelDecisions?: readonly { recommendationId: string; at: string; kind: string }[];
}

export const bookmarkFor = (recommendationId: string): string => `rec_${recommendationId.replace(/[^A-Za-z0-9_]/g, '_')}`;

const latest = <T extends { submittedAt: string }>(items: readonly T[]): T | undefined =>
  [...items].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt)).at(-1);

const firstSentence = (text: string): string => {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const end = trimmed.search(/[.!?](\s|$)/);
  return end === -1 ? trimmed : trimmed.slice(0, end + 1);
};

/**
 * Compiles the panel paper from the data: counts, the proposed-closed list, targets exceeded, extension
 * requests and Appendix A, in the paper's order. Pure: the same data always makes the same paper.
 */
/** The coordinator's words as a sentence, so another can follow it ("…supplier. Now proposed closed."). */
const asSentence = (text: string): string => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

export function compilePanelPaper(input: PaperInput): PanelPaper {
  const { meeting } = input;
  const settings = meeting.paperSettings ?? defaultPaperSettings;
  const audits = new Map(input.audits.map((a) => [a.id, a]));
  const updatesByRec = updatesByRecommendation(input.updates);

  const refused = new Set(input.refusedRequests ?? []);
  const acceptedById = new Map((input.accepted ?? []).map((u) => [u.recommendationId, u]));
  const since = input.previousMeetingDate ?? '0000-01-01';
  const entries = input.recommendations
    .map((r) => {
      const updates = updatesByRec.get(r.id) ?? [];
      return { r, updates, status: effectiveStatus(r, updates), audit: audits.get(r.auditId) };
    })
    .filter((e): e is typeof e & { audit: Audit } => e.audit !== undefined)
    .sort((a, b) => compareAuditsOldestFirst(a.audit, b.audit) || compareReferenceKeys(a.r.referenceKey, b.r.referenceKey));

  const running = entries.filter((e) => isRunning(e.status));
  // "Not Accepted proposed closed": the closures the panel did not accept since the last meeting.
  const inWindow = (at: string): boolean => at.slice(0, 10) >= since && at.slice(0, 10) <= meeting.date;
  const notAcceptedIds = new Set(
    (input.panelDecisions ?? []).filter((d) => d.kind === 'panelNotAcceptClosure' && inWindow(d.at)).map((d) => d.recommendationId),
  );
  const notAcceptedThisCycle = entries.filter((e) => notAcceptedIds.has(e.r.id));
  const item = (e: (typeof entries)[number]): PaperItem => ({
    recommendationId: e.r.id,
    auditTitle: auditHeading(e.audit),
    priority: e.r.priority,
    reference: e.r.reference,
    title: e.r.title,
    condition: e.r.closureCondition,
  });

  const rows = priorities.map((priority): SummaryRow => {
    const mine = running.filter((e) => e.r.priority === priority);
    return {
      priority,
      totalReported: mine.length,
      running: mine.length,
      acceptedForPanel: mine.filter((e) => e.status === 'acceptedForPanel').length,
      notAccepted: notAcceptedThisCycle.filter((e) => e.r.priority === priority).length,
    };
  });
  const sum = (key: keyof Omit<SummaryRow, 'priority'>): number => rows.reduce((n, row) => n + row[key], 0);

  const exceededTargets = running
    .filter((e) => hasExceededOriginal(e.r.targets, meeting.date))
    .map((e): ExceededTarget => {
      const revision = e.r.targets.revisions.at(-1);
      const update = latest(e.updates.filter(reportsProgress));
      const context =
        settings.contextOverrides[e.r.id] ?? revision?.reason ?? (update ? firstSentence(update.remaining || update.achieved) : 'No update received');
      const { priority: _priority, condition: _condition, ...rest } = item(e);
      return {
        ...rest,
        auditHeading: `${auditHeading(e.audit)} – ${auditIssuedLabel(e.audit)}`,
        originalTarget: e.r.targets.original.text || '—',
        currentTarget: currentTarget(e.r.targets).text || '—',
        context: e.status === 'acceptedForPanel' ? (context.trim() ? `${asSentence(context)} Now proposed closed.` : 'Now proposed closed.') : context,
      };
    });

  const extensionRequests = running.flatMap((e): ExtensionRequest[] => {
    const request = latest(e.updates.filter((u) => u.cycle === meeting.cycle && u.targetRequest));
    const asked = request?.targetRequest;
    if (!request || !asked) return [];
    if (requestDecided(e.r.targets, request, refused)) return [];
    return [
      {
        ...item(e),
        currentTarget: currentTarget(e.r.targets).text || '—',
        requestedTarget: asked.target.text,
        reason: asked.reason,
        needsPanel: nextRevisionNeedsPanel(e.r.targets, input.policy).needsPanel,
      },
    ];
  });

  const recommendationsById = new Map(input.recommendations.map((r) => [r.id, r]));
  const appendix: PanelPaper['appendix'] = [];
  const collectiveLeads = new Map<string, CollectiveLead>();
  const lastDecision = new Map<string, string>();
  for (const d of input.panelDecisions ?? []) {
    const seen = lastDecision.get(d.recommendationId);
    if (!seen || Date.parse(d.at) > Date.parse(seen)) lastDecision.set(d.recommendationId, d.at);
  }
  for (const e of running) {
    let group = appendix.at(-1);
    if (!group || group.audit.id !== e.audit.id) {
      group = {
        audit: e.audit,
        heading: `${auditHeading(e.audit)} – ${auditIssuedLabel(e.audit)}`,
        items: [],
      };
      appendix.push(group);
    }
    // An accepted closure is printed as it was accepted, whatever was done to the update since.
    const acceptedCopy = e.status === 'acceptedForPanel' ? acceptedById.get(e.r.id) : undefined;
    const update = acceptedCopy ?? latest(e.updates.filter((u) => u.cycle === meeting.cycle));
    const heading = auditHeading(e.audit);
    const decidedAt = lastDecision.get(e.r.id);
    const decidedMs = decidedAt === undefined ? undefined : Date.parse(decidedAt);
    const printed = e.updates
      .map((u) => (acceptedCopy && u.id === acceptedCopy.id ? acceptedCopy : u))
      .filter((u) => settings.appendixHistory === 'full' || decidedMs === undefined || Date.parse(u.submittedAt) > decidedMs)
      .map((u) => ({ u, key: `${cycleSortKey(u.cycle)}|${u.submittedAt}` }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(({ u }) => u);
    if (acceptedCopy && !printed.some((u) => u.id === acceptedCopy.id)) printed.push(acceptedCopy);
    // A shared response is printed in full at the first of its items in the paper; the later ones refer to it.
    const referral = (u: OwnerUpdate | undefined): string | undefined => {
      const collective = u?.collective;
      if (!collective) return undefined;
      if (!collectiveLeads.has(collective.key))
        collectiveLeads.set(collective.key, { recommendationId: e.r.id, reference: e.r.reference, auditHeading: heading });
      const lead = collectiveLeads.get(collective.key);
      return lead ? collectiveReferral(e.r.id, heading, lead) : undefined;
    };
    const history = printed.map((u): AppendixEntry => ({ update: u, collectiveReferral: referral(u) }));
    group.items.push({
      recommendation: e.r,
      history,
      proposedClosed: e.status === 'acceptedForPanel',
      update,
      bookmark: bookmarkFor(e.r.id),
      repeatOf: repeatDescription(e.r, recommendationsById, audits),
      collectiveReferral: history.find((h) => h.update.id === update?.id)?.collectiveReferral ?? referral(update),
    });
  }

  const byId = new Map(entries.map((e) => [e.r.id, e]));
  const reopened = (input.reopened ?? [])
    .filter((r) => r.at.slice(0, 10) >= since && r.at.slice(0, 10) <= meeting.date)
    .flatMap((r): ReopenedItem[] => {
      const e = byId.get(r.recommendationId);
      return e ? [{ ...item(e), reason: r.detail }] : [];
    });

  return {
    meeting,
    boilerplate: input.boilerplate ?? meeting.boilerplate ?? defaultBoilerplate,
    summary: {
      rows,
      total: { totalReported: sum('totalReported'), running: sum('running'), acceptedForPanel: sum('acceptedForPanel'), notAccepted: sum('notAccepted') },
    },
    acceptedForPanel: running.filter((e) => e.status === 'acceptedForPanel').map(item),
    reopened,
    actions: actionsForPaper(
      (input.panelActions ?? []).map((a) => a.value),
      input.meetings ?? [meeting],
      meeting,
    ),
    awaitingCondition: running.filter((e) => e.status === 'conditionallyAgreed').map(item),
    withdrawals: running.flatMap((e): ProposedWithdrawal[] =>
      e.status === 'withdrawalProposed' && e.r.withdrawal ? [{ ...item(e), withdrawal: e.r.withdrawal, reason: e.r.statusReason ?? '' }] : [],
    ),
    withdrawnSinceLastMeeting: entries.flatMap((e): ProposedWithdrawal[] =>
      isWithdrawal(e.status) && inWindow(e.r.statusChangedAt ?? '') ? [{ ...item(e), withdrawal: e.status, reason: e.r.statusReason ?? '' }] : [],
    ),
    exceededTargets,
    extensionRequests,
    appendix,
  };
}
