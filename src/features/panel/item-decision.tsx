import { Caption1 } from '@fluentui/react-components';
import { decisionsRefusedBecause, type ExtensionRequest, type Meeting, type PaperItem, type ProposedWithdrawal } from '../../domain';
import type { Decision } from '../shared/use-decision';
import { usePanelActions } from './data';
import { ClosureDecision, ExtensionDecision } from './panel-decision-buttons';
import { statusLabel } from '../../domain';

/** An item before the panel, as the paper puts it: a closure, a withdrawal to note, or an extension request. */
export type PendingSubject =
  { kind: 'closures'; pending: PaperItem } | { kind: 'withdrawals'; pending: ProposedWithdrawal } | { kind: 'extensions'; pending: ExtensionRequest };

/**
 * The panel's decision on one item, recorded by the coordinator: the buttons its kind offers, or why nothing can be
 * recorded for it yet (the paper not issued, the item not in it, the meeting closed). The paper's tables and the
 * meeting's side panel both use it.
 */
export function ItemDecision({ meeting, subject, decision }: { meeting: Meeting; subject: PendingSubject; decision: Decision }) {
  const actions = usePanelActions();
  const row = subject.pending;
  const refused = decisionsRefusedBecause(meeting, { kind: subject.kind, ...row });
  if (refused) return <Caption1>{refused}</Caption1>;
  const reference = `${row.reference} ${row.title}`;
  const id = row.recommendationId;
  switch (subject.kind) {
    case 'closures':
      return (
        <ClosureDecision
          reference={reference}
          decision={decision}
          agree={() => actions.resolveClosure(id, { kind: 'agree' }, meeting.id)}
          agreeSubjectTo={(condition) => actions.resolveClosure(id, { kind: 'agreeSubjectTo', condition }, meeting.id)}
          notAccept={(reason) => actions.resolveClosure(id, { kind: 'notAccept', reason }, meeting.id)}
          note={() => actions.resolveClosure(id, { kind: 'note' }, meeting.id)}
        />
      );
    case 'withdrawals':
      return (
        <ClosureDecision
          what="Withdrawal"
          yes="Noted"
          effect={`The item becomes ${statusLabel[subject.pending.withdrawal].toLowerCase()}.`}
          reference={reference}
          decision={decision}
          agree={() => actions.noteWithdrawal(id, meeting.id)}
          notAccept={(reason) => actions.rejectWithdrawal(id, reason, meeting.id)}
        />
      );
    case 'extensions':
      return (
        <ExtensionDecision
          reference={reference}
          requested={subject.pending.requestedTarget}
          decision={decision}
          decide={(grant) => actions.decideExtension(id, grant, meeting.id)}
        />
      );
  }
}
