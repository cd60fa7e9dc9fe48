import type { ActionForPaper } from './panel-action';
import type { AppendixItem, ExtensionRequest, PanelPaper, PaperItem, ProposedWithdrawal } from './panel-paper';
import { standingDecisions, type DecisionSubject, type DecisionSubjects, type RecordedDecision } from './panel-decision-record';

/**
 * The panel's meeting walked item by item, as the coordinator runs it from a Teams meeting's side panel: what the
 * paper put to the panel in the paper's order (closures, withdrawals, extension requests, then the actions from
 * earlier meetings), each still before the panel or decided at this meeting.
 */
export type AgendaItem =
  | {
      key: string;
      kind: DecisionSubject;
      recommendationId: string;
      reference: string;
      title: string;
      /** The paper's row while the item is before the panel; undefined once decided or gone. */
      pending?: PaperItem | ProposedWithdrawal | ExtensionRequest;
      /** The panel's standing decision on it at this meeting. */
      decided?: RecordedDecision;
      /** The item's appendix entry: this cycle's update, with the narrative and evidence the panel judges on. */
      appendix?: AppendixItem;
    }
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
  const pending: Record<DecisionSubject, readonly PaperItem[]> = {
    closures: paper.acceptedForPanel,
    withdrawals: paper.withdrawals,
    extensions: paper.extensionRequests,
  };
  const subjects = subjectsOf(paper);
  const decisionItems = (['closures', 'withdrawals', 'extensions'] as const).flatMap((kind) =>
    subjects[kind].map((id): AgendaItem => {
      const row = pending[kind].find((p) => p.recommendationId === id);
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
    }),
  );
  return [...decisionItems, ...paper.actions.map((action): AgendaItem => ({ key: agendaKey('actions', action.action.id), kind: 'actions', action }))];
}

/** Where the walk stands: the item the key names, or the first when it names none (decided away, or never set). */
export function agendaPosition(agenda: readonly AgendaItem[], key: string | undefined): number {
  const at = agenda.findIndex((i) => i.key === key);
  return at < 0 ? 0 : at;
}
