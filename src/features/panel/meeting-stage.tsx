import { Text, Title1, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { MeetingHost } from '../../application/ports';
import type { MeetingInTeams } from '../../application/panel/teams-meeting';
import { agendaPosition } from '../../domain';
import { AgendaItemView } from './agenda-item-view';
import { useAgendaWithCases, useItemOnStage } from './data';

const useStyles = makeStyles({
  stage: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXXL}`,
    maxWidth: '1200px',
  },
});

/**
 * The meeting's stage: the item the coordinator is on, large, for everyone in the meeting. It follows the side
 * panel by asking which item is on the stage, and reloads when the item or its decision changes.
 */
export function MeetingStage({ linked, host, reload }: { linked: NonNullable<MeetingInTeams['linked']>; host: MeetingHost; reload: () => void }) {
  const styles = useStyles();
  const { meeting } = linked;
  const agenda = useAgendaWithCases(linked.agenda);
  const onStage = useItemOnStage(host.chatId, meeting.teams?.onStage);
  const seen = useRef(onStage);
  useEffect(() => {
    if (seen.current?.key === onStage?.key && seen.current?.move === onStage?.move) return;
    seen.current = onStage;
    reload();
  }, [onStage, reload]);
  const at = agendaPosition(agenda, onStage?.key);
  const item = agenda[at];
  return (
    <section className={styles.stage} aria-labelledby="stage-title" aria-live="polite">
      <Text size={400} id="stage-title">
        {meeting.title}
        {item && ` · item ${at + 1} of ${agenda.length}`}
      </Text>
      {item ? (
        <AgendaItemView item={item} large heading={(text) => <Title1 as="h1">{text}</Title1>} />
      ) : (
        <Title1 as="h1">The paper puts nothing to the panel for a decision.</Title1>
      )}
    </section>
  );
}
