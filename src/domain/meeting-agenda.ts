import type { ActionForPaper } from './panel-action';
import type { AppendixItem, ExtensionRequest, PanelPaper, PaperItem, ProposedWithdrawal } from './panel-paper';
import { standingDecisions, type DecisionSubject, type DecisionSubjects, type RecordedDecision } from './panel-decision-record';

/**
 * The panel's meeting walked item by item, as the coordinator runs it from a Teams meeting's side panel: what the
 * paper put to the panel in the paper's order (closures, withdrawals, extension requests, then the actions from
 * earlier meetings), each still before the panel or decided at this meeting.
 */
/** An item the panel decides: its paper row while before the panel, its standing decision once decided. */
export interface DecisionAgendaItem<K extends DecisionSubject, Row> {
  key: string;
  kind: K;
  recommendationId: string;
  reference: string;
  title: string;
  /** The paper's row while the item is before the panel; undefined once decided or gone. */
  pending?: Row;
  /** The panel's standing decision on it at this meeting. */
  decided?: RecordedDecision;
  /** The item's appendix entry: this cycle's update, with the narrative and evidence the panel judges on. */
  appendix?: AppendixItem;
}

export type AgendaItem =
  | DecisionAgendaItem<'closures', PaperItem>
  | DecisionAgendaItem<'withdrawals', ProposedWithdrawal>
  | DecisionAgendaItem<'extensions', ExtensionRequest>
  | { key: string; kind: 'actions'; action: ActionForPaper };

export const agendaKinds = ['closures', 'withdrawals', 'extensions', 'actions'] as const;
export type AgendaKind = (typeof agendaKinds)[number];

/** Which trail kinds decide which subject, so a withdrawal's decision is never taken for a closure's. */
const decidedBy: Record<DecisionSubject, readonly string[]> = {
  closures: ['panelAgreeClosure', 'panelAgreeSubjectTo', 'panelNotAcceptClosure', 'panelNoted'],
  withdrawals: ['panelNoteWithdrawal', 'panelRejectWithdrawal'],
  extensions: ['extensionGranted', 'extensionRefused'],
};

export const agendaKey = (kind: AgendaKind, id: string): string => `${kind}:${id}`;

/** What the paper puts to the panel: the issued paper's subjects once issued (they are what it decides on), else today's. */
function subjectsOf(paper: PanelPaper): DecisionSubjects {
  return (
    paper.meeting.issued?.subjects ?? {
      closures: paper.acceptedForPanel.map((i) => i.recommendationId),
      withdrawals: paper.withdrawals.map((i) => i.recommendationId),
      extensions: paper.extensionRequests.map((i) => i.recommendationId),
    }
  );
}

export function meetingAgenda(
  paper: PanelPaper,
  recommendations: readonly { id: string; reference: string; title: string }[],
  trail: readonly RecordedDecision[],
): AgendaItem[] {
  const byId = new Map(recommendations.map((r) => [r.id, r]));
  const appendix = new Map(paper.appendix.flatMap((g) => g.items).map((i) => [i.recommendation.id, i]));
  const decisions = standingDecisions(trail).filter((d) => d.meetingId === paper.meeting.id);
  const subjects = subjectsOf(paper);
  const itemsOf = <K extends DecisionSubject, Row extends PaperItem>(kind: K, rows: readonly Row[]): DecisionAgendaItem<K, Row>[] =>
    subjects[kind].map((id) => {
      const row = rows.find((p) => p.recommendationId === id);
      const item = byId.get(id);
      return {
        key: agendaKey(kind, id),
        kind,
        recommendationId: id,
        reference: row?.reference ?? item?.reference ?? id,
        title: row?.title ?? item?.title ?? '',
        pending: row,
        decided: decisions.filter((d) => d.recommendationId === id && decidedBy[kind].includes(d.kind)).at(-1),
        appendix: appendix.get(id),
      };
    });
  return [
    ...itemsOf('closures', paper.acceptedForPanel),
    ...itemsOf('withdrawals', paper.withdrawals),
    ...itemsOf('extensions', paper.extensionRequests),
    ...paper.actions.map((action): AgendaItem => ({ key: agendaKey('actions', action.action.id), kind: 'actions', action })),
  ];
}

/**
 * Where the walk stands: the item the key names; when it names none (an action done and gone), the place the walk
 * was at, so it does not jump back to the start.
 */
export function agendaPosition(agenda: readonly AgendaItem[], key: string | undefined, was = 0): number {
  const at = agenda.findIndex((i) => i.key === key);
  return at >= 0 ? at : Math.max(0, Math.min(was, agenda.length - 1));
}
