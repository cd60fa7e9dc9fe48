import { Button, Caption1, Field, MessageBar, MessageBarBody, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { MeetingHost, PaperData } from '../../application/ports';
import type { MeetingInTeams } from '../../application/panel/teams-meeting';
import { agendaPosition, undoableDecisions, type AgendaItem } from '../../domain';
import { DecisionMessage } from '../shared/decision-message';
import { useDecision } from '../shared/use-decision';
import { AgendaItemView } from './agenda-item-view';
import { useAgendaWithCases, useItemOnStage, useTeamsMeetingActions } from './data';
import { ItemDecision, type PendingSubject } from './item-decision';
import { MeetingRecordSection } from './meeting-record-section';
import { ActionDone } from './panel-actions-section';
import { UndoDecision } from './undo-decision';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: 0 },
  walk: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  grow: { flexGrow: 1 },
});

// The same item may come twice (a closure, and an extension asked meanwhile): the list says which is which.
const kindPrefix = { closures: '', withdrawals: 'Withdrawal: ', extensions: 'Extension: ' } as const;

const pendingOf = (item: AgendaItem): PendingSubject | undefined => {
  switch (item.kind) {
    case 'closures':
      return item.pending && { kind: item.kind, pending: item.pending };
    case 'withdrawals':
      return item.pending && { kind: item.kind, pending: item.pending };
    case 'extensions':
      return item.pending && { kind: item.kind, pending: item.pending };
    case 'actions':
      return undefined;
  }
};

/**
 * The meeting's side panel. The coordinator who runs the meeting walks the paper item by item, records each
 * decision (with its confirmation and undo) and shares the walk to the stage, which follows each move. Everyone
 * else follows the stage here, read-only, and may look ahead.
 */
export function MeetingSidePanel({
  linked,
  data,
  runs,
  host,
  reload,
}: {
  linked: NonNullable<MeetingInTeams['linked']>;
  data: PaperData;
  runs: boolean;
  host: MeetingHost;
  reload: () => void;
}) {
  const styles = useStyles();
  const { meeting } = linked;
  const agenda = useAgendaWithCases(linked.agenda);
  const teams = useTeamsMeetingActions();
  // The coordinator moves the stage; only followers ask where it is.
  const onStage = useItemOnStage(host.chatId, meeting.teams?.onStage, !runs);
  const [key, setKey] = useState(onStage?.key);
  const was = useRef(0);
  const at = agendaPosition(agenda, key, was.current);
  was.current = at;
  const item = agenda[at];
  const [stageProblem, setStageProblem] = useState<string | undefined>();
  const [canShare, setCanShare] = useState(false);

  // A follower's panel goes where the coordinator puts the stage, and shows a decision once it is recorded.
  const seen = useRef(onStage);
  useEffect(() => {
    if (seen.current?.key === onStage?.key && seen.current?.move === onStage?.move) return;
    seen.current = onStage;
    setKey(onStage?.key);
    reload();
  }, [onStage, reload]);

  useEffect(() => {
    if (!runs) return;
    let live = true;
    host.stage.canShare().then(
      (can) => live && setCanShare(can),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [runs, host.stage]);

  const stage = (next: string): void => {
    setStageProblem(undefined);
    teams
      .putOnStage(meeting, next)
      .catch((error: unknown) => setStageProblem(`The stage did not move: ${error instanceof Error ? error.message : String(error)}`));
  };
  // After a decision the item is put on the stage again, so the stage reloads and shows it.
  const decision = useDecision(() => {
    reload();
    if (item) stage(item.key);
  });
  const move = (to: number): void => {
    const next = agenda[to];
    if (!next) return;
    setKey(next.key);
    if (runs) stage(next.key);
  };
  const share = (): void => {
    setStageProblem(undefined);
    host.stage.share(host.stageUrl).then(
      () => item && stage(item.key),
      (error: unknown) => setStageProblem(error instanceof Error ? error.message : String(error)),
    );
  };

  const undoable = new Map(undoableDecisions(meeting, data.decisions).map((d) => [d.idempotencyKey, d]));
  // Each item's outcome shows on that item only, not on the next one the walk moves to.
  const here = decision.within(`item:${item?.key ?? ''}`);
  const pending = item && pendingOf(item);
  const subject = item?.kind === 'actions' ? undefined : item;
  const undo = subject?.decided && undoable.get(subject.decided.idempotencyKey);
  return (
    <section className={styles.panel} aria-labelledby="meeting-title">
      <Subtitle2 as="h1" id="meeting-title">
        {meeting.title}
      </Subtitle2>
      {agenda.length === 0 ? (
        <Caption1>The paper puts nothing to the panel for a decision, and no action is open.</Caption1>
      ) : (
        <>
          <div className={styles.walk}>
            <Button onClick={() => move(at - 1)} disabled={at === 0} aria-label="Previous item">
              Previous
            </Button>
            <Caption1 className={styles.grow} aria-live="polite">
              Item {at + 1} of {agenda.length}
            </Caption1>
            <Button appearance="primary" onClick={() => move(at + 1)} disabled={at >= agenda.length - 1} aria-label="Next item">
              Next
            </Button>
          </div>
          <Field label="Go to">
            <Select value={item?.key ?? ''} onChange={(_, d) => move(agenda.findIndex((i) => i.key === d.value))}>
              {agenda.map((i, n) => (
                <option key={i.key} value={i.key}>
                  {n + 1}. {i.kind === 'actions' ? `Action: ${i.action.action.who}` : `${kindPrefix[i.kind]}${i.reference} ${i.title}`}
                </option>
              ))}
            </Select>
          </Field>
          {runs && canShare && <Button onClick={share}>Share to the meeting stage</Button>}
          <Caption1>
            {runs
              ? 'You run this meeting: the stage follows each move.'
              : `${meeting.teams?.linkedBy.name ?? 'The audit coordinator'} runs this meeting; you follow the item on the stage here.`}
          </Caption1>
          {stageProblem && (
            <MessageBar intent="error">
              <MessageBarBody>{stageProblem}</MessageBarBody>
            </MessageBar>
          )}
          {item && <AgendaItemView item={item} heading={(text) => <Subtitle2 as="h2">{text}</Subtitle2>} />}
          <DecisionMessage message={here.message} />
          {runs && pending && <ItemDecision meeting={meeting} subject={pending} decision={here} />}
          {runs && subject && undo && (
            <UndoDecision recorded={undo} reference={subject.reference} name={`${subject.reference} ${subject.title}`} decision={here} />
          )}
          {runs && item?.kind === 'actions' && <ActionDone actionId={item.action.action.id} decision={here} />}
        </>
      )}
      {runs && <MeetingRecordSection meeting={meeting} data={data} canDecide={runs} decision={decision} />}
    </section>
  );
}
