import {
  Body1,
  Button,
  Caption1,
  Card,
  Checkbox,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { missingUpdates } from '../../application/coordinator/missing-updates';
import { needsReassigning, reviewQueue, type RegisterView } from '../../application/coordinator/register-view';
import { describeReading, latestProposal, nextRevisionNeedsPanel } from '../../domain';
import { useDates } from '../shared/dates';
import { PriorityBadge } from '../shared/badges';
import { EvidenceItem } from '../shared/evidence-item';
import { LoadFailed } from '../shared/load-failed';
import { DecisionMessage } from '../shared/decision-message';
import { ReasonDialog } from '../shared/reason-dialog';
import { FormDialog } from '../shared/form-dialog';
import { SimpleTable } from '../shared/simple-table';
import { useSession } from '../shared/session-context';
import { useDecision } from '../shared/use-decision';
import { useCoordinatorActions, useDirectory, useRegisterView } from './data';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1000px' },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/**
 * Who owes this cycle's update: one table of owner, item (a link), days since its last update and a note on the
 * owner's behalf, with "Remind these owners" for the rows ticked.
 */
function MissingUpdatesSection({ view, onOpen, onDone }: { view: RegisterView; onOpen: (id: string) => void; onDone: () => void }) {
  const styles = useStyles();
  const { today } = useSession();
  const actions = useCoordinatorActions();
  const decision = useDecision(onDone);
  const missing = useMemo(() => missingUpdates(view, today), [view, today]);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const cycle = view.meeting?.cycle ?? '';
  const chosen = missing.filter((m) => picked.has(m.row.recommendation.id));
  const owners = new Set(chosen.flatMap((m) => m.owners.map((o) => o.email))).size;
  const pick = (id: string, on: boolean): void =>
    setPicked((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const all = missing.length > 0 && chosen.length === missing.length;
  return (
    <section aria-labelledby="missing-title" className={styles.card}>
      <Subtitle1 as="h2" id="missing-title">
        No update yet for {cycle || 'this cycle'} ({missing.length})
      </Subtitle1>
      {missing.length === 0 ? (
        <Body1>Every owner has updated.</Body1>
      ) : (
        <>
          <div className={styles.actions}>
            <Checkbox
              label="Select all"
              checked={all ? true : chosen.length > 0 ? 'mixed' : false}
              onChange={(_, d) => setPicked(d.checked === true ? new Set(missing.map((m) => m.row.recommendation.id)) : new Set())}
            />
            <FormDialog
              trigger={`Remind these owners (${owners})…`}
              size="small"
              disabled={chosen.length === 0 || decision.busy}
              title="Remind these owners now"
              confirm={`Remind ${owners} owner(s)`}
              onConfirm={() => {
                decision.run('Owners reminded', async () => {
                  const run = await actions.chaseOwners(chosen, view);
                  setPicked(new Set());
                  return run;
                });
                return true;
              }}
            >
              <Body1>
                {owners} owner(s) will be mentioned in the coordinators&apos; channel, each with the updates they owe. An owner already reminded this way today
                is not reminded again.
              </Body1>
            </FormDialog>
          </div>
          <DecisionMessage message={decision.message} />
          <SimpleTable
            label="Missing updates"
            head={['Select', 'Owner', 'Recommendation', 'Last update', 'Note']}
            rows={missing.map(({ row, owners: people, daysSinceUpdate }) => [
              <Checkbox
                key="pick"
                aria-label={`Select ${row.recommendation.reference} ${row.recommendation.title}`}
                checked={picked.has(row.recommendation.id)}
                onChange={(_, d) => pick(row.recommendation.id, d.checked === true)}
              />,
              people.map((p) => p.name).join(', ') || 'No owner',
              <Link key="open" onClick={() => onOpen(row.recommendation.id)}>
                {row.auditTitle} {row.recommendation.reference} {row.recommendation.title}
              </Link>,
              daysSinceUpdate === undefined ? 'None on record' : `${daysSinceUpdate} day(s) ago`,
              <ReasonDialog
                key="note"
                trigger="Note on their behalf…"
                title="Record a note for the owner"
                label="Note (e.g. lead unwell at the time of reporting)"
                confirm="Record note"
                onConfirm={(note) => decision.run('Note recorded', () => actions.recordNote(row.recommendation, note, cycle))}
              />,
            ])}
          />
        </>
      )}
    </section>
  );
}

/** The coordinator's queue: proposed closures, target-date requests, and owners who have not updated. */
export function ReviewPage({ onOpen }: { onOpen: (id: string) => void }) {
  const styles = useStyles();
  const [state, reload] = useRegisterView();
  const actions = useCoordinatorActions();
  const decision = useDecision(reload);
  const dates = useDates();
  // A decided card leaves its list, so the message about it shows under the list's heading.
  const proposalDecision = decision.within('proposals');
  const targetDecision = decision.within('targets');
  const queue = useMemo(() => (state.status === 'ready' ? reviewQueue(state.value) : undefined), [state]);
  const [directory] = useDirectory();
  // Only a directory that was read can say who has left; unread, nobody is flagged.
  const leavers = useMemo(
    () => (state.status === 'ready' && directory.status === 'ready' ? needsReassigning(state.value, directory.value) : []),
    [state, directory],
  );

  if (state.status === 'error') return <LoadFailed problem="The review queue could not be loaded" error={state.error} onRetry={reload} />;
  if (state.status === 'loading' || !queue) return <Spinner label="Loading what needs review…" />;
  const references = new Map(state.value.rows.map((r) => [r.recommendation.id, `${r.recommendation.reference} ${r.recommendation.title}`]));

  return (
    <section className={styles.page} aria-labelledby="review-title">
      <Title2 as="h1" id="review-title">
        Review
      </Title2>
      {queue.suspect.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {queue.suspect.length} update(s) in the updates list do not count: they were not posted by an owner of the recommendation, or flood it. They are
            listed under &ldquo;Not counted&rdquo; at the end of this page.
          </MessageBarBody>
        </MessageBar>
      )}
      <Subtitle1 as="h2">Proposed closures ({queue.proposals.length})</Subtitle1>
      <DecisionMessage message={proposalDecision.message} />
      {queue.proposals.length === 0 && <Body1>No proposals are waiting.</Body1>}
      {queue.proposals.map((row) => {
        const proposal = latestProposal(state.value.data.updates.filter((u) => u.recommendationId === row.recommendation.id));
        const id = row.recommendation.id;
        return (
          <Card key={id} className={styles.card} aria-label={`Proposal ${row.recommendation.reference} ${row.recommendation.title}`}>
            <Body1>
              <PriorityBadge priority={row.recommendation.priority} />{' '}
              <Link onClick={() => onOpen(id)}>
                {row.recommendation.reference} {row.recommendation.title}
              </Link>{' '}
              – {row.auditTitle}, {row.owners}
            </Body1>
            <Body1>{proposal?.closureNarrative}</Body1>
            {proposal?.closureCondition && <Body1>Subject to: {proposal.closureCondition}</Body1>}
            <Caption1>
              Evidence:{' '}
              {proposal?.evidence.map((e, index) => (
                <span key={index}>
                  {index > 0 && '; '}
                  <EvidenceItem evidence={e} />
                </span>
              ))}
            </Caption1>
            <div className={styles.actions}>
              <Button
                appearance="primary"
                disabled={decision.busy}
                onClick={() => proposalDecision.run('Accepted for the panel', () => actions.transition(id, 'acceptForPanel'))}
              >
                Accept for the panel
              </Button>
              <ReasonDialog
                trigger="Return to owner…"
                title="Return this proposal to the owner"
                label="What is missing?"
                confirm="Return to owner"
                onConfirm={(reason) => proposalDecision.run('Returned to the owner', () => actions.returnToOwner(id, reason))}
              />
            </div>
          </Card>
        );
      })}

      <Subtitle1 as="h2">Target date requests ({queue.targetRequests.length})</Subtitle1>
      <DecisionMessage message={targetDecision.message} />
      {queue.targetRequests.length === 0 && <Body1>No requests are waiting.</Body1>}
      {queue.targetRequests.map(({ row, request }) => {
        const policy = nextRevisionNeedsPanel(row.recommendation.targets);
        return (
          <Card key={request.id} className={styles.card} aria-label={`Target request ${row.recommendation.reference} ${row.recommendation.title}`}>
            <Body1>
              {row.recommendation.reference} {row.recommendation.title} – {row.auditTitle}: from {row.current.text || 'none'} to{' '}
              {request.targetRequest?.target.text}
            </Body1>
            <Caption1>
              {request.targetRequest?.reason} · {policy.why}
            </Caption1>
            {request.targetRequest && !request.targetRequest.target.due && (
              <MessageBar intent="warning">
                <MessageBarBody>
                  &ldquo;{request.targetRequest.target.text}&rdquo;: {describeReading(request.targetRequest.target)}. Ask the owner for a date, or refuse.
                </MessageBarBody>
              </MessageBar>
            )}
            <div className={styles.actions}>
              {policy.needsPanel ? (
                <Body1>This request is in the panel paper for decision.</Body1>
              ) : (
                <Button
                  disabled={decision.busy || !request.targetRequest?.target.due}
                  onClick={() => targetDecision.run('New target approved', () => actions.approveTarget(row.recommendation.id, request))}
                >
                  Approve new target
                </Button>
              )}
              <ReasonDialog
                trigger="Refuse…"
                title="Refuse this request for a new target"
                label="Why is it refused? The owner sees this."
                confirm="Refuse"
                onConfirm={(reason) => targetDecision.run('Request refused', () => actions.refuseTarget(row.recommendation.id, request, reason))}
              />
            </div>
          </Card>
        );
      })}

      <MissingUpdatesSection view={state.value} onOpen={onOpen} onDone={reload} />

      {leavers.length > 0 && (
        <>
          <Subtitle1 as="h2">Owners no longer in the directory ({leavers.length})</Subtitle1>
          <Body1>These people have left or been renamed: reassign their recommendations so someone answers the reminders.</Body1>
          {leavers.map(({ row, gone }) => (
            <Card key={row.recommendation.id} className={styles.card} aria-label={`Reassign ${row.recommendation.reference} ${row.recommendation.title}`}>
              <Body1>
                <Link onClick={() => onOpen(row.recommendation.id)}>
                  {row.recommendation.reference} {row.recommendation.title}
                </Link>{' '}
                – {row.auditTitle}: {gone.map((p) => `${p.name} (${p.email})`).join(', ')} not in the directory
              </Body1>
            </Card>
          ))}
        </>
      )}

      <Subtitle1 as="h2">Not counted ({queue.suspect.length})</Subtitle1>
      {queue.suspect.length === 0 ? (
        <Body1>Every update came from an owner of its recommendation.</Body1>
      ) : (
        <Body1>These were written to the updates list but do not count for any status or the paper. Check them with the people named.</Body1>
      )}
      {queue.suspect.map(({ update, reason }) => (
        <Card key={update.id} className={styles.card} aria-label={`Not counted: update ${update.id}`}>
          <Body1>{reason}</Body1>
          <Caption1>
            Posted {dates.instant(update.submittedAt)} against {references.get(update.recommendationId) ?? 'an unknown recommendation'}
            {update.proposesClosure ? ', proposing closure' : ''}
          </Caption1>
        </Card>
      ))}
    </section>
  );
}
