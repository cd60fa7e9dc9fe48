import { Body1, Button, Caption1, Divider, MessageBar, MessageBarBody, Spinner, Subtitle1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { RecommendationDetail } from '../../application/ports';
import {
  actionNeeded,
  auditHeading,
  currentTarget,
  effectiveStatus,
  isOwnedBy,
  delegatesOf,
  mayReport,
  isWorkable,
  latestProposal,
  monthNames,
  nextMeeting,
  progressRag,
  timeline,
  type OwnerUpdate,
  changeSinceAccepted,
  changeSinceAcceptedLabel,
  partState,
  partsOwnedBy,
  repeatDescription,
} from '../../domain';
import { decisionLabel } from '../../application/shared/decision-labels';
import { PriorityBadge, ProgressBadge, StatusText } from '../shared/badges';
import { LoadFailed } from '../shared/load-failed';
import { useSession } from '../shared/session-context';
import { useRecommendationDetail } from './data';
import { TimelineView } from './timeline-view';
import { DelegateField } from './delegate-field';
import { UpdateForm } from './update-form';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '980px' },
  facts: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'center' },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

/** One recommendation: its audit, text, response, targets, full timeline, and the owner's update form. */
export function RecommendationPage({
  id,
  onBack,
  backLabel,
  editor,
}: {
  id: string;
  onBack: () => void;
  backLabel: string;
  /** The coordinator's editor, given by the app for coordinators only: this feature does not know it. */
  editor?: (detail: RecommendationDetail, onSaved: () => void) => ReactNode;
}) {
  const styles = useStyles();
  const session = useSession();
  const [state, reload] = useRecommendationDetail(id);
  const [sent, setSent] = useState<OwnerUpdate | undefined>();

  if (state.status === 'loading') return <Spinner label="Loading the recommendation…" />;
  if (state.status === 'error') {
    return (
      <LoadFailed problem="This recommendation could not be loaded" error={state.error} onRetry={reload}>
        <Button onClick={onBack}>Back to {backLabel.toLowerCase()}</Button>
      </LoadFailed>
    );
  }
  const { detail, nameOf } = state.value;
  const r = detail.recommendation.value;
  const meeting = nextMeeting(detail.meetings, session.today);
  // The update just sent counts at once, as it will after a reload.
  const updates = sent ? [...detail.updates.filter((u) => u.id !== sent.id), sent] : detail.updates;
  const status = effectiveStatus(r, updates);
  const sentBack = actionNeeded(r, updates);
  const proposal = latestProposal(updates);
  const current = currentTarget(r.targets);
  const ownsWhole = isOwnedBy(r, session.user.email);
  // A part's owner writes their own update on their part, not one on the item owner's behalf.
  const mine = ownsWhole || partsOwnedBy(r, session.user.email).length > 0;
  const delegates = delegatesOf(r, detail.delegations);
  // A delegate writes the owner's updates, marked as on their behalf.
  const writesForOwner = !mine && mayReport(r, detail.delegations, session.user.email);
  const updatedThisCycle = updates.some((u) => u.cycle === meeting?.cycle);
  const workable = isWorkable(status);
  const audit = detail.audit;
  const related = new Map(detail.related.map((x) => [x.id, x]));
  const repeatOf = repeatDescription(r, related, new Map(detail.audits.map((a) => [a.id, a])));

  return (
    <article className={styles.page} aria-labelledby="rec-title">
      <div>
        <Button appearance="subtle" onClick={onBack}>
          ← {backLabel}
        </Button>
      </div>
      <Title2 as="h1" id="rec-title">
        {r.reference} {r.title}
      </Title2>
      {audit && (
        <Caption1>
          {auditHeading(audit)} · {audit.opinion.asWritten} · {monthNames[audit.issuedMonth - 1]} {audit.issuedYear} · {audit.auditor}
        </Caption1>
      )}
      {repeatOf && <Body1>{repeatOf}.</Body1>}
      <div className={styles.facts}>
        <PriorityBadge priority={r.priority} />
        <ProgressBadge rag={progressRag(status, current, session.today)} />
        <Body1>
          Status: <StatusText status={status} />
        </Body1>
        <Body1>
          Target: {current.text || 'none'}
          {r.targets.revisions.length > 0 ? ` (originally ${r.targets.original.text})` : ''}
        </Body1>
        <Body1>Owners: {r.owners.map((o) => o.name).join(', ') || 'not assigned'}</Body1>
        {delegates.length > 0 && <Body1>Delegates: {delegates.map((d) => d.name).join(', ')}</Body1>}
      </div>
      {sentBack && (
        <MessageBar intent="warning">
          <MessageBarBody>
            Action needed –{' '}
            {r.status === 'returnedToOwner'
              ? 'returned by the audit team'
              : detail.decisions.at(-1)?.kind === 'reopen'
                ? 'reopened after an auditor follow-up'
                : 'the panel did not accept the closure'}
            : {sentBack.reason}
          </MessageBarBody>
        </MessageBar>
      )}
      <Subtitle1 as="h2">Recommendation</Subtitle1>
      <Body1 className={styles.text}>{r.text}</Body1>
      {r.subParts.length > 0 && (
        <>
          <Subtitle1 as="h2">Parts</Subtitle1>
          <ul aria-label="Parts">
            {r.subParts.map((p) => (
              <li key={p.label}>
                <Body1 className={styles.text}>
                  {p.label}. {p.text}
                </Body1>
                <Caption1 block>
                  {p.owners.map((o) => o.name).join(', ')} · target {p.target.text || '—'} · {partState(p, updates)}
                </Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
      <Subtitle1 as="h2">Management response</Subtitle1>
      <Body1 className={styles.text}>{r.managementResponse || '—'}</Body1>
      {(r.closureCondition || (status === 'proposedClosed' && proposal?.closureCondition)) && (
        <Body1>Closure subject to: {r.closureCondition || proposal?.closureCondition}</Body1>
      )}
      <Subtitle1 as="h2">Timeline</Subtitle1>
      <TimelineView
        itemName={(other) => {
          const x = related.get(other);
          return x && `${x.reference} ${x.title}`;
        }}
        events={timeline(
          r,
          updates,
          detail.decisions.map((d) => {
            const change = d.frozen && changeSinceAccepted(d.frozen, detail.updates);
            return {
              kind: d.kind,
              at: d.at,
              label: decisionLabel(d.kind),
              actor: nameOf(d.actor),
              detail: change ? `${d.detail} ${changeSinceAcceptedLabel[change]}.`.trim() : d.detail,
            };
          }),
        )}
      />
      <Divider />
      {sent && (
        <MessageBar intent="success">
          <MessageBarBody>
            {sent.kind === 'coordinatorUpdate'
              ? `The update for ${sent.cycle} is recorded on behalf of ${sent.onBehalfOf?.name ?? 'the owner'}.`
              : `Your update for ${sent.cycle} has been sent to the audit team. Thank you.`}
            {sent.collective ? ` It applies to ${sent.collective.recommendationIds.length - 1} other recommendation(s) as well.` : ''}
          </MessageBarBody>
        </MessageBar>
      )}
      {editor?.(detail, reload)}
      {!mine && !writesForOwner && session.user.role !== 'coordinator' && (
        <MessageBar intent="info">
          <MessageBarBody>You can read this recommendation; only its owners can update it.</MessageBarBody>
        </MessageBar>
      )}
      {mine && !sent && !meeting && <Body1>No panel meeting is scheduled, so no update is due.</Body1>}
      {mine && !sent && meeting && !workable && (
        <Body1>
          This recommendation is {status === 'proposedClosed' ? 'proposed for closure and with the audit team' : 'no longer open'}: no update is needed.
        </Body1>
      )}
      {mine && !sent && meeting && workable && (
        <>
          {updatedThisCycle && <Caption1>You have already sent an update for {meeting.cycle}; you can add another.</Caption1>}
          <UpdateForm detail={detail} cycle={meeting.cycle} onSubmitted={setSent} />
        </>
      )}
      {!mine && (writesForOwner || session.user.role === 'coordinator') && !sent && meeting && workable && (
        <UpdateForm
          detail={detail}
          cycle={meeting.cycle}
          onSubmitted={(update) => {
            setSent(update);
            reload();
          }}
          onBehalfOf={r.owners[0]?.name ?? 'the owner'}
        />
      )}
      {(ownsWhole || writesForOwner) && <DelegateField detail={detail} onChanged={reload} />}
    </article>
  );
}
