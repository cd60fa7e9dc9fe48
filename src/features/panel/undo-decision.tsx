import { Body1 } from '@fluentui/react-components';
import type { RecordedDecision } from '../../domain';
import { decisionLabel } from '../../application/shared/decision-labels';
import { FormDialog } from '../shared/form-dialog';
import type { Decision } from '../shared/use-decision';
import { usePanelActions } from './data';

/** Takes back a decision recorded in error, after a confirmation; the trail keeps both. */
export function UndoDecision({ recorded, reference, name, decision }: { recorded: RecordedDecision; reference: string; name: string; decision: Decision }) {
  const actions = usePanelActions();
  return (
    <FormDialog
      trigger={`Undo for ${reference}`}
      size="small"
      disabled={decision.busy}
      title={`Undo “${decisionLabel(recorded.kind)}” for ${name}?`}
      confirm="Undo the decision"
      onConfirm={() => {
        decision.run(`“${decisionLabel(recorded.kind)}” for ${reference} is undone`, () =>
          actions.undoDecision(recorded.recommendationId, recorded.idempotencyKey),
        );
        return true;
      }}
    >
      <Body1>The item goes back to where it was before this decision. The audit trail keeps both the decision and its undoing.</Body1>
    </FormDialog>
  );
}
