import { Badge, Button, Field, Input, Select, Subtitle1, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { type Meeting, type PanelPaper } from '../../domain';
import { useDates } from '../shared/dates';
import { ReasonDialog } from '../shared/reason-dialog';
import { SimpleTable } from '../shared/simple-table';
import { DecisionMessage } from '../shared/decision-message';
import type { Decision } from '../shared/use-decision';
import { usePanelActions } from './data';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '720px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
});

/** The coordinator records an action as done, saying what was provided. */
export function ActionDone({ actionId, decision }: { actionId: string; decision: Decision }) {
  const actions = usePanelActions();
  return (
    <ReasonDialog
      size="small"
      trigger="Done…"
      title="Record the action as done"
      label="What was provided, and when?"
      confirm="Record as done"
      onConfirm={(note) => decision.run('Action recorded as done', () => actions.completeAction(actionId, note))}
    />
  );
}

/**
 * What the panel asked for: earlier meetings' actions still open (carried into this paper until done), and for
 * the coordinator a form to log one raised at this meeting with who is asked and the meeting it is due at.
 */
export function PanelActionsSection({
  paper,
  meetings,
  canDecide,
  decision: page,
}: {
  paper: PanelPaper;
  meetings: readonly Meeting[];
  canDecide: boolean;
  decision: Decision;
}) {
  const styles = useStyles();
  const actions = usePanelActions();
  // A done action leaves the table, so its message shows under the heading; a logged one beside its form.
  const done = page.within('actions');
  const dates = useDates();
  const logged = page.within('log-action');
  const [draft, setDraft] = useState({ text: '', who: '', dueAt: '', recommendationId: '' });
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [errors, setErrors] = useState<{ text?: string; who?: string }>({});
  const later = meetings.filter((m) => m.date > paper.meeting.date).sort((a, b) => a.date.localeCompare(b.date));
  const items = paper.appendix.flatMap((g) => g.items.map((i) => i.recommendation));
  const log = (): void => {
    const found = { text: draft.text.trim() ? undefined : 'Say what the panel asked for', who: draft.who.trim() ? undefined : 'Say who the panel asked' };
    if (found.text || found.who) return setErrors(found);
    setErrors({});
    logged.run(
      'Action logged: it is carried into each paper until it is done',
      () =>
        actions.logAction(
          { text: draft.text, who: draft.who, dueAt: draft.dueAt || undefined, recommendationId: draft.recommendationId || undefined },
          paper.meeting.id,
          key,
        ),
      () => {
        setDraft({ text: '', who: '', dueAt: '', recommendationId: '' });
        setKey(crypto.randomUUID());
      },
    );
  };
  return (
    <>
      <Subtitle1 as="h2">Actions from earlier meetings ({paper.actions.length})</Subtitle1>
      <DecisionMessage message={done.message} />
      <SimpleTable
        label="Actions from earlier meetings"
        head={['Asked of', 'What', 'Raised at', 'Due at', ...(canDecide ? ['Done'] : [])]}
        rows={paper.actions.map(({ action, raisedAt, dueAt, dueNow }) => [
          action.who,
          action.text,
          raisedAt?.title ?? '—',
          <span key="due">
            {dueAt ? dueAt.title : 'A future meeting'}{' '}
            {dueNow && (
              <Badge appearance="filled" color="warning">
                Due now
              </Badge>
            )}
          </span>,
          ...(canDecide ? [<ActionDone key="done" actionId={action.id} decision={done} />] : []),
        ])}
      />
      {canDecide && (
        <section className={styles.form} aria-labelledby="log-action-title">
          <Subtitle1 as="h2" id="log-action-title">
            Log an action the panel asked for at this meeting
          </Subtitle1>
          <Field label="What the panel asked for" required validationMessage={errors.text} validationState={errors.text ? 'error' : 'none'}>
            <Textarea value={draft.text} onChange={(_, d) => setDraft({ ...draft, text: d.value })} rows={2} />
          </Field>
          <div className={styles.row}>
            <Field label="Asked of" required validationMessage={errors.who} validationState={errors.who ? 'error' : 'none'}>
              <Input value={draft.who} onChange={(_, d) => setDraft({ ...draft, who: d.value })} placeholder="e.g. the Head of Fleet" />
            </Field>
            <Field label="Due at">
              <Select value={draft.dueAt} onChange={(_, d) => setDraft({ ...draft, dueAt: d.value })}>
                <option value="">A future meeting</option>
                {later.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.title} ({dates.date(m.date)})
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="About">
              <Select value={draft.recommendationId} onChange={(_, d) => setDraft({ ...draft, recommendationId: d.value })}>
                <option value="">The report as a whole</option>
                {items.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.reference} {r.title}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <div>
            <Button onClick={log} disabled={logged.busy}>
              Log action
            </Button>
          </div>
          <DecisionMessage message={logged.message} />
        </section>
      )}
    </>
  );
}
