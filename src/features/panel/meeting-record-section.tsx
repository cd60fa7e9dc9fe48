import { Body1, Caption1, Subtitle1 } from '@fluentui/react-components';
import { decisionLabel } from '../../application/shared/decision-labels';
import type { PaperData } from '../../application/ports';
import { decisionsRefusedBecause, isPanelDecision, recordStanding, standingDecisions, undoableDecisions, type Meeting } from '../../domain';
import { useDates } from '../shared/dates';
import { FormDialog } from '../shared/form-dialog';
import { SimpleTable } from '../shared/simple-table';
import { DecisionMessage } from '../shared/decision-message';
import type { Decision } from '../shared/use-decision';
import { UndoDecision } from './undo-decision';
import { usePanelActions } from './data';

/**
 * What the panel resolved at this meeting as it stands, each decision with an undo while the meeting is open,
 * and the coordinator's step that closes the meeting's decisions so the minutes can rely on them.
 */
export function MeetingRecordSection({
  meeting,
  data,
  canDecide,
  decision: page,
}: {
  meeting: Meeting;
  data: PaperData;
  canDecide: boolean;
  decision: Decision;
}) {
  const actions = usePanelActions();
  // Undoing removes the row, so its message shows under the section's heading.
  const decision = page.within('record');
  const dates = useDates();
  const open = canDecide && !decisionsRefusedBecause(meeting);
  const items = new Map(data.recommendations.map((r) => [r.id, r]));
  const recorded = standingDecisions(data.decisions).filter((d) => d.meetingId === meeting.id && isPanelDecision(d.kind));
  const undoable = new Set(undoableDecisions(meeting, data.decisions).map((d) => d.idempotencyKey));
  return (
    <>
      <Subtitle1 as="h2">Decisions recorded at this meeting ({recorded.length})</Subtitle1>
      <Caption1>{recordStanding(meeting)}</Caption1>
      <DecisionMessage message={decision.message} />
      {recorded.length === 0 ? (
        <Body1>No decisions have been recorded for this meeting.</Body1>
      ) : (
        <SimpleTable
          label="Decisions recorded at this meeting"
          head={['Recommendation', 'Decision', 'Recorded', ...(open ? ['Undo'] : [])]}
          rows={recorded.map((d) => {
            const item = items.get(d.recommendationId);
            const name = item ? `${item.reference} ${item.title}` : d.recommendationId;
            return [
              name,
              d.detail ? `${decisionLabel(d.kind)}: ${d.detail}` : decisionLabel(d.kind),
              dates.instant(d.at),
              ...(open
                ? [
                    undoable.has(d.idempotencyKey) ? (
                      <UndoDecision key="undo" recorded={d} reference={item?.reference ?? 'this item'} name={name} decision={decision} />
                    ) : (
                      <Caption1 key="undo">The item has moved on since</Caption1>
                    ),
                  ]
                : []),
            ];
          })}
        />
      )}
      {open && (
        <FormDialog
          trigger="Close the meeting's decisions…"
          disabled={decision.busy}
          title={`Close the decisions of ${meeting.title}?`}
          confirm="Close the decisions"
          onConfirm={() => {
            decision.run(`The decisions of ${meeting.title} are closed`, () => actions.closeDecisions(meeting));
            return true;
          }}
        >
          <Body1>
            From then on no decision can be recorded or undone for this meeting, and the decision list is final. Items still before the panel go to the next
            paper.
          </Body1>
        </FormDialog>
      )}
    </>
  );
}
