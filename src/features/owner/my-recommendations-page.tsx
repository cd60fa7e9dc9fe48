import { Badge, Body1, Button, Caption1, MessageBar, MessageBarBody, Spinner, Subtitle1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { OwnedRecommendation } from '../../application/owner/my-recommendations';
import { groupForOwner, ownerGroupTitle, type OwnerGroup } from '../../application/owner/owner-groups';
import { auditHeading, daysBetween, isoDate } from '../../domain';
import { useDates } from '../shared/dates';
import { ReminderChoice } from './reminder-choice';
import { PriorityBadge, ProgressBadge, StatusText } from '../shared/badges';
import { LoadFailed } from '../shared/load-failed';
import { useSession } from '../shared/session-context';
import { useMyRecommendations } from './data';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '1000px' },
  title: { display: 'flex', flexDirection: 'column', alignItems: 'start', textAlign: 'start' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  groupHeading: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  open: { justifyContent: 'start', padding: 0, minWidth: 0, maxWidth: '100%' },
  facts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** One item as a card: what it is, its audit, what it needs, its priority, progress, target and status. */
function ItemCard({ item, onOpen }: { item: OwnedRecommendation; onOpen: (id: string) => void }) {
  const styles = useStyles();
  const dates = useDates();
  const {
    recommendation: { value: r },
    audit,
    rag,
    current,
    status,
    updateDue,
    actionNeeded,
  } = item;
  return (
    <li className={styles.item}>
      <Button appearance="transparent" className={styles.open} onClick={() => onOpen(r.id)}>
        <span className={styles.title}>
          <Body1>
            {r.reference} {r.title}
          </Body1>
          <Caption1>{audit ? `${auditHeading(audit)}, ${dates.month(isoDate(audit.issuedYear, audit.issuedMonth, 1))}` : ''}</Caption1>
        </span>
      </Button>
      {actionNeeded ? (
        <div>
          <Badge appearance="filled" color="danger">
            Action needed
          </Badge>
          <Caption1 block>{actionNeeded.reason}</Caption1>
        </div>
      ) : (
        updateDue && (
          // Tint keeps its own background, so it stays readable on a hovered card in every theme.
          <div>
            <Badge appearance="tint" color="brand">
              Update due
            </Badge>
          </div>
        )
      )}
      <div className={styles.facts}>
        <PriorityBadge priority={r.priority} />
        <ProgressBadge rag={rag} />
        <Caption1>
          Target {current.text || 'not set'}
          {r.targets.revisions.length > 0 ? ` (originally ${r.targets.original.text})` : ''}
        </Caption1>
        <Caption1>
          <StatusText status={status} />
        </Caption1>
      </div>
    </li>
  );
}

/** A group of the owner's items with its count and date; Done folds away until asked for. */
function OwnerGroupSection({
  group,
  items,
  date,
  onOpen,
}: {
  group: OwnerGroup;
  items: OwnedRecommendation[];
  date?: { label: string; date: string };
  onOpen: (id: string) => void;
}) {
  const styles = useStyles();
  const dates = useDates();
  const [shown, setShown] = useState(group !== 'done');
  const id = `group-${group}`;
  return (
    <section aria-labelledby={id} className={styles.group}>
      <div className={styles.groupHeading}>
        <Subtitle1 as="h2" id={id}>
          {ownerGroupTitle[group]} ({items.length})
        </Subtitle1>
        {date && (
          <Caption1>
            {date.label} {dates.date(date.date)}
          </Caption1>
        )}
        {group === 'done' && (
          <Button appearance="subtle" aria-expanded={shown} aria-controls={`${id}-list`} onClick={() => setShown(!shown)}>
            {shown ? 'Hide them' : `Show the ${items.length}`}
          </Button>
        )}
      </div>
      {shown && (
        <ul className={styles.list} id={`${id}-list`} aria-label={ownerGroupTitle[group]}>
          {items.map((item) => (
            <ItemCard key={item.recommendation.value.id} item={item} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The owner's personal tab: everything they own, grouped by what they are to do, most urgent first in each group. */
export function MyRecommendationsPage({ onOpen }: { onOpen: (recommendationId: string) => void }) {
  const styles = useStyles();
  const session = useSession();
  const dates = useDates();
  const [state, reload] = useMyRecommendations();

  if (state.status === 'loading') return <Spinner label="Loading your recommendations…" />;
  if (state.status === 'error') return <LoadFailed problem="Your recommendations could not be loaded" error={state.error} onRetry={reload} />;
  const { items, meeting, invalid } = state.value;
  const owing = items.filter((i) => i.updateDue).length;
  return (
    <section className={styles.page} aria-labelledby="mine-title">
      <Title2 as="h1" id="mine-title">
        My recommendations
      </Title2>
      {meeting ? (
        <Body1 as="p">
          {owing === 0
            ? `You are up to date for ${meeting.cycle}.`
            : `${owing} update${owing === 1 ? '' : 's'} due for ${meeting.cycle} by ${dates.date(meeting.updateDeadline)} (${daysBetween(session.today, meeting.updateDeadline)} days).`}
        </Body1>
      ) : (
        <Body1 as="p">
          {owing === 0
            ? 'No panel meeting is scheduled yet.'
            : `No panel meeting is scheduled yet; ${owing} item${owing === 1 ? ' needs' : 's need'} your action.`}
        </Body1>
      )}
      <ReminderChoice />
      {invalid.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{invalid.length} record(s) could not be read and are not shown; the audit team has been told.</MessageBarBody>
        </MessageBar>
      )}
      {items.length === 0 ? (
        <Body1>You do not own any recommendations.</Body1>
      ) : (
        groupForOwner(items, meeting).map(({ group, items: inGroup, date }) => (
          <OwnerGroupSection key={group} group={group} items={inGroup} date={date} onOpen={onOpen} />
        ))
      )}
    </section>
  );
}
