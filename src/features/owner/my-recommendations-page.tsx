import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { auditHeading, daysBetween, monthYearLabel } from '../../domain';
import { PriorityBadge, ProgressBadge, StatusText } from '../shared/badges';
import { LoadFailed } from '../shared/load-failed';
import { useSession } from '../shared/session-context';
import { useMyRecommendations } from './data';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { display: 'flex', flexDirection: 'column' },
});

/** The owner's personal tab: everything they own, most urgent first. */
export function MyRecommendationsPage({ onOpen }: { onOpen: (recommendationId: string) => void }) {
  const styles = useStyles();
  const session = useSession();
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
            : `${owing} update${owing === 1 ? '' : 's'} due for ${meeting.cycle} by ${meeting.updateDeadline} (${daysBetween(session.today, meeting.updateDeadline)} days).`}
        </Body1>
      ) : (
        <Body1 as="p">
          {owing === 0
            ? 'No panel meeting is scheduled yet.'
            : `No panel meeting is scheduled yet; ${owing} item${owing === 1 ? ' needs' : 's need'} your action.`}
        </Body1>
      )}
      {invalid.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{invalid.length} record(s) could not be read and are not shown; the audit team has been told.</MessageBarBody>
        </MessageBar>
      )}
      {items.length === 0 ? (
        <Body1>You do not own any recommendations.</Body1>
      ) : (
        <Table aria-label="My recommendations">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Recommendation</TableHeaderCell>
              <TableHeaderCell>Priority</TableHeaderCell>
              <TableHeaderCell>Progress</TableHeaderCell>
              <TableHeaderCell>Current target</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map(({ recommendation: { value: r }, audit, rag, current, status, updateDue, actionNeeded }) => (
              <TableRow key={r.id}>
                <TableCell>
                  <Button appearance="transparent" onClick={() => onOpen(r.id)}>
                    <span className={styles.title}>
                      <Body1>
                        {r.reference} {r.title}
                      </Body1>
                      <Caption1>
                        {audit ? `${auditHeading(audit)}, ${monthYearLabel(`${audit.issuedYear}-${String(audit.issuedMonth).padStart(2, '0')}-01`)}` : ''}
                      </Caption1>
                    </span>
                  </Button>
                  {actionNeeded ? (
                    <>
                      <Badge appearance="filled" color="danger">
                        Action needed
                      </Badge>
                      <Caption1 block>{actionNeeded.reason}</Caption1>
                    </>
                  ) : (
                    updateDue && (
                      // Tint keeps its own background, so it stays readable on a hovered row in every theme.
                      <Badge appearance="tint" color="brand">
                        Update due
                      </Badge>
                    )
                  )}
                </TableCell>
                <TableCell>
                  <PriorityBadge priority={r.priority} />
                </TableCell>
                <TableCell>
                  <ProgressBadge rag={rag} />
                </TableCell>
                <TableCell>
                  {current.text || '—'}
                  {r.targets.revisions.length > 0 && <Caption1 block>originally {r.targets.original.text}</Caption1>}
                </TableCell>
                <TableCell>
                  <StatusText status={status} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
