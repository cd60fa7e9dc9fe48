import { auditHeading, type Audit } from './audit';
import type { Meeting } from './meeting';
import type { PanelAction } from './panel-action';
import { standingDecisions, type RecordedDecision } from './panel-decision-record';
import type { Recommendation } from './recommendation';

/** What a trail entry of the panel's says in the minutes' words, or undefined when it is not a panel resolution. */
function resolutionText(kind: string, detail: string): string | undefined {
  switch (kind) {
    case 'panelAgreeClosure':
      return 'the closure of the recommendation be agreed';
    case 'panelAgreeSubjectTo':
      return `the closure of the recommendation be agreed subject to ${detail}`;
    case 'panelNotAcceptClosure':
      return `the proposed closure be not accepted, for the reason that ${detail}`;
    case 'panelNoted':
      return 'the update be noted';
    case 'extensionGranted':
      return `the revised target date of ${detail} be granted`;
    case 'extensionRefused':
      return `the request for a revised target date of ${detail} be refused`;
    case 'panelNoteWithdrawal':
      return 'the withdrawal of the recommendation be noted';
    case 'panelRejectWithdrawal':
      return `the proposed withdrawal be not accepted, for the reason that ${detail}`;
    default:
      return undefined;
  }
}

const actionText = (action: PanelAction, dueAt: Meeting | undefined): string =>
  `${action.who} be requested to ${action.text.replace(/\.$/, '')}, for ${dueAt ? `the meeting of ${dueAt.date}` : 'a future meeting'}`;

/** A meeting's decision list: what the panel resolved, item by item. */
export interface DecisionList {
  meetingTitle: string;
  date: string;
  /** The paper the decisions were made on, and whether they are final. */
  standing: string;
  resolutions: Resolution[];
}

export interface Resolution {
  /** "Fleet Management – 4.2 Vehicle checks", or the meeting's general business. */
  heading: string;
  /** Each "That …" clause, lettered (a), (b) … in the list. */
  clauses: string[];
}

/**
 * A meeting's decisions as the panel's minutes record them: per item, "RESOLVED: That (a) …; (b) …", in the
 * order they were taken, then the actions the panel asked for that concern no one item.
 */
export function meetingResolutions(input: {
  meeting: Meeting;
  meetings: readonly Meeting[];
  decisions: readonly RecordedDecision[];
  recommendations: readonly Recommendation[];
  audits: readonly Audit[];
  panelActions: readonly PanelAction[];
}): Resolution[] {
  const recommendations = new Map(input.recommendations.map((r) => [r.id, r]));
  const audits = new Map(input.audits.map((a) => [a.id, a]));
  const meetings = new Map(input.meetings.map((m) => [m.id, m]));
  const byItem = new Map<string, string[]>();
  const add = (id: string, clause: string): void => {
    byItem.set(id, [...(byItem.get(id) ?? []), clause]);
  };
  for (const d of standingDecisions(input.decisions)
    .filter((d) => d.meetingId === input.meeting.id)
    .sort((a, b) => a.at.localeCompare(b.at))) {
    const text = resolutionText(d.kind, d.detail);
    if (text) add(d.recommendationId, text);
  }
  const raised = input.panelActions.filter((a) => a.raisedAt === input.meeting.id);
  for (const action of raised.filter((a) => a.recommendationId))
    add(action.recommendationId ?? '', actionText(action, action.dueAt ? meetings.get(action.dueAt) : undefined));
  const items = [...byItem.entries()].flatMap(([id, clauses]): Resolution[] => {
    const r = recommendations.get(id);
    if (!r) return [];
    const audit = audits.get(r.auditId);
    return [{ heading: `${audit ? `${auditHeading(audit)} – ` : ''}${r.reference} ${r.title}`, clauses }];
  });
  const general = raised.filter((a) => !a.recommendationId).map((a) => actionText(a, a.dueAt ? meetings.get(a.dueAt) : undefined));
  return general.length ? [...items, { heading: 'Audit recommendations report', clauses: general }] : items;
}
