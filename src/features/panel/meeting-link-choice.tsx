import { Body1, Checkbox, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { nextMeeting } from '../../domain';
import { LoadFailed } from '../shared/load-failed';
import { useSession } from '../shared/session-context';
import { useMeetingsToLink, useTeamsMeetingActions } from './data';
import { MeetingSelect } from './meeting-select';

/** What Save does for the meeting's link: nothing (left as it is, or for later), or link the chosen panel meeting. */
export type LinkOnSave = (() => Promise<unknown>) | undefined;

/**
 * On the meeting tab's configuration page: which panel meeting this Teams meeting holds, linked when the person
 * presses Save. It starts on the meeting already linked, else the next one. Linking is the coordinator's; anyone
 * else may leave it for later, and the side panel offers the link again.
 */
export function MeetingLinkChoice({ chatId, onChange }: { chatId: string; onChange: (linkOnSave: LinkOnSave) => void }) {
  const { today } = useSession();
  const [state, reload] = useMeetingsToLink(chatId);
  const teams = useTeamsMeetingActions();
  const [chosen, setChosen] = useState<string | undefined>();
  const [linkNow, setLinkNow] = useState(true);

  const linkedId = state.status === 'ready' ? state.value.linked?.id : undefined;
  const meetings = state.status === 'ready' ? state.value.meetings : undefined;
  const selected = chosen ?? linkedId ?? (meetings && (nextMeeting(meetings, today) ?? meetings.at(-1))?.id);
  useEffect(() => {
    onChange(meetings && selected && linkNow && selected !== linkedId ? () => teams.link(meetings, selected, chatId) : undefined);
  }, [meetings, selected, linkNow, linkedId, teams, chatId, onChange]);

  if (state.status === 'loading') return <Spinner label="Reading the panel meetings…" />;
  if (state.status === 'error') return <LoadFailed problem="The panel meetings could not be read" error={state.error} onRetry={reload} />;
  if (!meetings?.length)
    return <Body1>No panel meeting has been set up yet. Save adds the tab; the audit coordinator links it from the side panel once one is set up.</Body1>;
  return (
    <>
      <Checkbox checked={linkNow} onChange={(_, d) => setLinkNow(d.checked === true)} label="Link this Teams meeting to a panel meeting when I save" />
      {linkNow && <MeetingSelect label="Panel meeting" meetings={meetings} value={selected ?? ''} onChange={setChosen} />}
      {linkNow && selected === linkedId && <Body1>This Teams meeting already holds that panel meeting.</Body1>}
      {!linkNow && <Body1>The audit coordinator can link it later from the meeting&apos;s side panel.</Body1>}
    </>
  );
}
