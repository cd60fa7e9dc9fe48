import { Body1, Button, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState, type ReactNode } from 'react';
import type { MeetingHost } from '../../application/ports';
import { runsTheMeeting } from '../../application/panel/teams-meeting';
import { nextMeeting, type Meeting } from '../../domain';
import { DecisionMessage } from '../shared/decision-message';
import { LoadFailed } from '../shared/load-failed';
import { SessionContext, useSession } from '../shared/session-context';
import { useDecision } from '../shared/use-decision';
import { useMeetingInTeams, useTeamsMeetingActions } from './data';
import { MeetingSelect } from './meeting-select';
import { MeetingSidePanel } from './meeting-side-panel';
import { MeetingStage } from './meeting-stage';
import { PaperPage } from './paper-page';

const useStyles = makeStyles({ page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM } });

/** A Teams meeting not yet linked: the coordinator says which panel meeting it holds. */
function LinkMeeting({ meetings, host, onLinked }: { meetings: Meeting[]; host: MeetingHost; onLinked: () => void }) {
  const styles = useStyles();
  const { today } = useSession();
  const teams = useTeamsMeetingActions();
  const [chosen, setChosen] = useState(() => nextMeeting(meetings, today)?.id ?? meetings.at(-1)?.id ?? '');
  const decision = useDecision(onLinked);
  return (
    <section className={styles.page} aria-labelledby="link-title">
      <Subtitle2 as="h1" id="link-title">
        This Teams meeting is not linked to a panel meeting
      </Subtitle2>
      {host.surface === 'stage' ? (
        <Body1>The audit coordinator links it from the meeting&apos;s side panel.</Body1>
      ) : meetings.length === 0 ? (
        <Body1>No panel meeting has been set up yet: the audit coordinator sets one up in the Audit tracker tab, under Meetings.</Body1>
      ) : (
        <>
          <Body1>
            The audit coordinator links it, and then runs the meeting from this side panel. Only the coordinator can; SharePoint refuses anyone else.
          </Body1>
          <MeetingSelect label="Panel meeting" meetings={meetings} value={chosen} onChange={setChosen} />
          <div>
            <Button
              appearance="primary"
              disabled={decision.busy || !chosen}
              onClick={() => decision.run('Linked', () => teams.link(meetings, chosen, host.chatId))}
            >
              Link this meeting
            </Button>
          </div>
          <DecisionMessage message={decision.message} />
        </>
      )}
    </section>
  );
}

/**
 * The app inside a Teams meeting: the side panel the coordinator runs the panel meeting from, the stage everyone
 * follows, or the paper in a tab of the meeting's chat. The coordinator who linked the meeting runs it; everyone
 * else sees it read-only.
 */
export function MeetingApp({ host }: { host: MeetingHost }) {
  const session = useSession();
  const [state, reload] = useMeetingInTeams(host.chatId);
  if (state.status === 'loading') return <Spinner label="Opening the panel meeting…" style={{ padding: 24 }} />;
  if (state.status === 'error') return <LoadFailed problem="The panel meeting could not be opened" error={state.error} onRetry={reload} />;
  const { linked, meetings, data } = state.value;
  if (!linked) return <LinkMeeting meetings={meetings} host={host} onLinked={reload} />;
  const runs = runsTheMeeting(linked.meeting, session.user.email);
  const surface =
    host.surface === 'stage' ? (
      <MeetingStage linked={linked} host={host} reload={reload} />
    ) : host.surface === 'sidePanel' ? (
      <MeetingSidePanel linked={linked} data={data} runs={runs} host={host} reload={reload} />
    ) : (
      <PaperPage canDecide={runs} meetingId={linked.meeting.id} onOpen={(id) => session.openLink(session.links.recommendation(id))} />
    );
  return runs ? <RunningTheMeeting>{surface}</RunningTheMeeting> : surface;
}

/** The coordinator who linked the meeting records its decisions: their session acts as the coordinator's. */
function RunningTheMeeting({ children }: { children: ReactNode }) {
  const session = useSession();
  const running = useMemo(() => ({ ...session, user: { ...session.user, role: 'coordinator' as const } }), [session]);
  return <SessionContext.Provider value={running}>{children}</SessionContext.Provider>;
}
