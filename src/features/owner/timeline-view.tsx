import { Body1, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { updateAttribution, updateQuestions, type TimelineEvent } from '../../domain';
import { useDates } from '../shared/dates';
import { EvidenceItem } from '../shared/evidence-item';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  event: { borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, paddingLeft: tokens.spacingHorizontalM },
  answer: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

// One date style everywhere: "16 May 2025".

function Answer({ label, text }: { label: string; text: string }) {
  const styles = useStyles();
  if (!text.trim()) return null;
  return (
    <div>
      <Caption1 block>{label}</Caption1>
      <Body1 block className={styles.answer}>
        {text}
      </Body1>
    </div>
  );
}

/** The recommendation's history, oldest first, as the paper's appendix reads it; `itemName` names other items a shared response went on. */
export function TimelineView({ events, itemName }: { events: TimelineEvent[]; itemName?: (recommendationId: string) => string | undefined }) {
  const styles = useStyles();
  const dates = useDates();
  if (events.length === 0) return <Body1>No updates yet.</Body1>;
  return (
    <ol className={styles.list} aria-label="Timeline">
      {events.map((event, index) => (
        <li key={`${event.kind}-${event.at}-${index}`} className={styles.event}>
          {event.kind === 'update' && (
            <>
              <Subtitle2 as="h3">
                UPDATE {event.update.cycle}
                {event.update.part ? ` – part ${event.update.part}` : ''}
                {event.update.kind === 'coordinatorNote' ? ' – note from the audit team' : ''}
                {event.update.kind === 'coordinatorUpdate' ? ' – from the audit team' : ''}
              </Subtitle2>
              <Caption1 block>
                {dates.day(event.at)} {updateAttribution(event.update)}
              </Caption1>
              {event.update.collective && (
                <Caption1 block>
                  One response for {event.update.collective.recommendationIds.length} recommendations; it also applies to{' '}
                  {event.update.collective.recommendationIds
                    .filter((id) => id !== event.update.recommendationId)
                    .map((id) => itemName?.(id) ?? 'another recommendation')
                    .join('; ')}
                  .
                </Caption1>
              )}
              <Answer label="Note" text={event.update.note} />
              <Answer label={updateQuestions.achieved} text={event.update.achieved} />
              <Answer label={updateQuestions.remaining} text={event.update.remaining} />
              <Answer label={updateQuestions.barriers} text={event.update.barriers} />
              <Answer label={updateQuestions.mitigation} text={event.update.mitigation} />
              {event.update.proposesClosure && (
                <>
                  <Answer label="Proposed closed" text={event.update.closureNarrative} />
                  {event.update.closureCondition && <Answer label="Subject to" text={event.update.closureCondition} />}
                  <Caption1 block>Evidence:</Caption1>
                  <ul>
                    {event.update.evidence.map((ref, index) => (
                      <li key={index}>
                        <EvidenceItem evidence={ref} />
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {event.update.targetRequest && (
                <Answer label="New target date requested" text={`${event.update.targetRequest.target.text}: ${event.update.targetRequest.reason}`} />
              )}
            </>
          )}
          {event.kind === 'targetRevised' && (
            <>
              <Subtitle2 as="h3">Target revised to {event.text}</Subtitle2>
              <Caption1 block>
                {dates.day(event.at)}, approved by the {event.approvedBy}: {event.reason}
              </Caption1>
            </>
          )}
          {event.kind === 'decision' && (
            <>
              <Subtitle2 as="h3">{event.text}</Subtitle2>
              <Caption1 block>
                {dates.day(event.at)} by {event.actor}
                {event.detail ? `: ${event.detail}` : ''}
              </Caption1>
            </>
          )}
          {event.kind === 'status' && (
            <>
              <Subtitle2 as="h3">{event.text}</Subtitle2>
              <Caption1 block>
                {dates.day(event.at)}
                {event.reason ? `: ${event.reason}` : ''}
              </Caption1>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
