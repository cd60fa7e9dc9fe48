import { Body1, Link, Spinner, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { type Meeting } from '../../domain';
import { useDates, type DateStyle } from '../shared/dates';
import { LoadFailed } from '../shared/load-failed';
import { SimpleTable } from '../shared/simple-table';
import { usePaper } from './data';
import { MeetingEditor } from './meeting-editor';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '1100px' },
});

/** Where a meeting's paper stands: a live draft, issued on a day, or issued with its decisions closed. */
export function paperState(meeting: Meeting, dates: DateStyle): string {
  if (!meeting.issued) return 'Draft: not issued';
  const issued = `Issued ${dates.day(meeting.issued.at)}`;
  return meeting.issued.closed ? `${issued}; decisions closed ${dates.day(meeting.issued.closed.at)}` : `${issued}; decisions open`;
}

/** The panel's meetings, newest first: each with its deadline and paper, edited here; a new one set up here. */
export function MeetingsPage({ paperHref }: { paperHref: (meetingId: string) => string }) {
  const styles = useStyles();
  const [state, reload] = usePaper(undefined);
  const dates = useDates();
  if (state.status === 'loading') return <Spinner label="Loading the meetings…" />;
  if (state.status === 'error') return <LoadFailed problem="The meetings could not be loaded" error={state.error} onRetry={reload} />;
  const { meetings } = state.value;
  return (
    <section className={styles.page} aria-labelledby="meetings-title">
      <Title2 as="h1" id="meetings-title">
        Meetings
      </Title2>
      <div>
        <MeetingEditor key="new" onSaved={reload} />
      </div>
      {meetings.length === 0 ? (
        <Body1>No panel meeting has been set up yet. Set up the next one: its update deadline names the cycle owners report for.</Body1>
      ) : (
        <SimpleTable
          label="Meetings"
          head={['Meeting', 'Date', 'Updates due by', 'Cycle', 'Paper', 'Edit']}
          rows={meetings.map((m) => [
            <Link key="paper" href={paperHref(m.id)}>
              {m.title}
            </Link>,
            dates.date(m.date),
            dates.date(m.updateDeadline),
            m.cycle,
            paperState(m, dates),
            <MeetingEditor key={`edit-${m.id}`} meeting={m} onSaved={reload} />,
          ])}
        />
      )}
    </section>
  );
}
