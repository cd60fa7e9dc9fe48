import { Body1, Button, Caption1, Link, MessageBar, MessageBarBody, Spinner, Subtitle1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { decisionsRefusedBecause, statusLabel, type DecisionSubject, type ExceededTarget, type Meeting } from '../../domain';
import { useDates } from '../shared/dates';
import { DecisionMessage } from '../shared/decision-message';
import { MeetingRecordSection } from './meeting-record-section';
import { MeetingSelect } from './meeting-select';
import { PanelActionsSection } from './panel-actions-section';
import { ItemDecision, type PendingSubject } from './item-decision';
import { ClosureCase } from './closure-case';
import { SimpleTable } from '../shared/simple-table';
import { useDecision, type Decision } from '../shared/use-decision';
import { download } from '../shared/download';
import { LoadFailed } from '../shared/load-failed';
import { usePaper, usePanelActions } from './data';
import { ReasonDialog } from '../shared/reason-dialog';
import { FormDialog } from '../shared/form-dialog';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '1100px' },
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  cell: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'start' },
});

/** The coordinator's own wording of an item's context in the paper, or back to the computed one, confirmed beside it. */
function ContextWording({ entry: e, meeting, decision: page }: { entry: ExceededTarget; meeting: Meeting; decision: Decision }) {
  const styles = useStyles();
  const actions = usePanelActions();
  const decision = page.within(`context:${e.recommendationId}`);
  return (
    <div className={styles.cell}>
      <span className={styles.bar}>
        <ReasonDialog
          size="small"
          trigger={`Reword ${e.reference}`}
          title={`Context for ${e.reference} ${e.title}`}
          label="The context this paper prints, in your words"
          confirm="Use this wording"
          onConfirm={(text) => decision.run(`The context for ${e.reference} is reworded`, () => actions.setContext(meeting, e.recommendationId, text))}
        />
        {meeting.paperSettings?.contextOverrides[e.recommendationId] !== undefined && (
          <Button
            size="small"
            onClick={() => decision.run(`The context for ${e.reference} is computed again`, () => actions.setContext(meeting, e.recommendationId, ''))}
          >
            Use the computed context
          </Button>
        )}
      </span>
      <DecisionMessage message={decision.message} />
    </div>
  );
}

/** The panel paper computed from the data, previewed in the tab; the coordinator downloads it and records decisions. */
export function PaperPage({
  canDecide,
  onOpen,
  meetingId: chosenMeeting,
  meetingsHref,
}: {
  canDecide: boolean;
  onOpen: (id: string) => void;
  /** The meeting the address names (from the Meetings tab); the next meeting's otherwise. */
  meetingId?: string;
  meetingsHref?: string;
}) {
  const styles = useStyles();
  const [meetingRef, setMeetingRef] = useState<string | undefined>(chosenMeeting);
  const [state, reload] = usePaper(meetingRef);
  const actions = usePanelActions();
  const decision = useDecision(reload);
  const dates = useDates();
  const [downloading, setDownloading] = useState(false);
  // Issuing writes the whole .docx and uploads it: seconds for a large paper, so it says so while it works.
  const [issuing, setIssuing] = useState(false);

  if (state.status === 'loading') return <Spinner label="Compiling the paper…" />;
  if (state.status === 'error') return <LoadFailed problem="The paper could not be compiled" error={state.error} onRetry={reload} />;
  const { meetings, paper, data } = state.value;
  if (!paper) {
    return (
      <section className={styles.page}>
        <Body1>No panel meeting has been set up yet.</Body1>
        {canDecide && meetingsHref && <Link href={meetingsHref}>Set up a meeting in Meetings</Link>}
      </section>
    );
  }
  const meetingId = paper.meeting.id;
  // The panel's decisions are recorded against the issued paper until the meeting's decisions are closed.
  const notOpen = decisionsRefusedBecause(paper.meeting);
  const recording = canDecide && !notOpen;
  // A decided row leaves its table for "Decisions recorded": its confirmation shows under the table's heading.
  const decisionCell = (subject: PendingSubject): ReactNode => (
    <ItemDecision key="d" meeting={paper.meeting} subject={subject} decision={decision.within(subject.kind)} />
  );
  const decided = (kind: DecisionSubject): ReactNode => <DecisionMessage message={decision.within(kind).message} />;
  const appendixItems = new Map(paper.appendix.flatMap((g) => g.items).map((i) => [i.recommendation.id, i]));
  const exportFile = async (file: () => Promise<Blob>, name: string): Promise<void> => {
    setDownloading(true);
    try {
      download(await file(), name);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <section className={styles.page} aria-labelledby="paper-title">
      <Title2 as="h1" id="paper-title">
        {paper.meeting.title}
      </Title2>
      <div className={styles.bar}>
        <MeetingSelect label="Meeting" meetings={meetings} value={paper.meeting.id} onChange={setMeetingRef} />
        <Button
          appearance="primary"
          onClick={() => void exportFile(() => actions.paperFile(paper), `panel-paper-${paper.meeting.date}.docx`)}
          disabled={downloading}
        >
          {downloading ? 'Preparing…' : paper.meeting.issued ? 'Download the live preview (.docx)' : 'Download paper (.docx)'}
        </Button>
        {paper.meeting.issued && (
          <Button
            onClick={() => void exportFile(() => actions.issuedFile(paper.meeting), paper.meeting.issued?.name ?? 'issued-paper.docx')}
            disabled={downloading}
          >
            Download the issued paper
          </Button>
        )}
        {canDecide && !paper.meeting.issued && (
          <FormDialog
            trigger="Issue the paper…"
            title={`Issue the paper for ${paper.meeting.title}?`}
            confirm="Issue"
            onConfirm={() => {
              setIssuing(true);
              decision.run('The paper is issued and kept in the document library', () => actions.issue(paper).finally(() => setIssuing(false)));
              return true;
            }}
          >
            <Body1>
              The paper as it reads now is stored in the document library with its fingerprint, and the meeting records it. Reprints give the same file; the
              preview here goes on changing with the register.
            </Body1>
          </FormDialog>
        )}
        {issuing && <Spinner size="tiny" label="Writing the paper and storing it in the document library…" />}
        <Button
          onClick={() => void exportFile(() => actions.decisionListFile(data, meetingId), `panel-decisions-${paper.meeting.date}.docx`)}
          disabled={downloading}
        >
          Download the decision list (.docx)
        </Button>
        {canDecide && meetingsHref && <Link href={meetingsHref}>Meetings: set up, edit, change the wording</Link>}
      </div>
      <DecisionMessage message={decision.message} />
      {canDecide && notOpen && (
        <MessageBar intent="info">
          <MessageBarBody>{notOpen}</MessageBarBody>
        </MessageBar>
      )}
      {paper.meeting.issued && (
        <Caption1>
          Issued on {dates.day(paper.meeting.issued.at)} by {paper.meeting.issued.by.name}; SHA-256 {paper.meeting.issued.sha256.slice(0, 12)}…
        </Caption1>
      )}
      <Body1>
        {paper.boilerplate.subject}. Date: {dates.month(paper.meeting.date)}. Author: {paper.boilerplate.author}. Updates were due by{' '}
        {dates.date(paper.meeting.updateDeadline)} ({paper.meeting.cycle}).
      </Body1>
      <Subtitle1 as="h2">Recommendations by priority</Subtitle1>
      <SimpleTable
        label="Counts by priority"
        head={['Priority', 'Total reported', 'Total running', 'Proposed closed', 'Not accepted proposed closed']}
        rows={[
          ...paper.summary.rows.map((r) => [r.priority, r.totalReported, r.running, r.acceptedForPanel, r.notAccepted]),
          ['Total', paper.summary.total.totalReported, paper.summary.total.running, paper.summary.total.acceptedForPanel, paper.summary.total.notAccepted],
        ]}
      />
      <Subtitle1 as="h2">Proposed closed ({paper.acceptedForPanel.length})</Subtitle1>
      {decided('closures')}
      <SimpleTable
        label="Proposed closed"
        head={['Audit title', 'Priority', 'Reference', 'The case for closure', ...(recording ? ['Panel decision'] : [])]}
        rows={paper.acceptedForPanel.map((p) => [
          p.auditTitle,
          p.priority,
          p.condition ? `${p.reference} ${p.title} (subject to ${p.condition})` : `${p.reference} ${p.title}`,
          <ClosureCase key="case" item={appendixItems.get(p.recommendationId)} reference={p.reference} onOpen={() => onOpen(p.recommendationId)} />,
          ...(recording ? [decisionCell({ kind: 'closures', pending: p })] : []),
        ])}
      />
      {paper.awaitingCondition.length > 0 && (
        <>
          <Subtitle1 as="h2">Agreed subject to a condition, awaiting confirmation ({paper.awaitingCondition.length})</Subtitle1>
          <SimpleTable
            label="Agreed subject to a condition"
            head={['Audit title', 'Recommendation', 'Subject to']}
            rows={paper.awaitingCondition.map((a) => [a.auditTitle, `${a.reference} ${a.title}`, a.condition ?? '—'])}
          />
        </>
      )}
      {paper.withdrawals.length > 0 && (
        <>
          <Subtitle1 as="h2">Withdrawals for the panel to note ({paper.withdrawals.length})</Subtitle1>
          {decided('withdrawals')}
          <SimpleTable
            label="Withdrawals for the panel to note"
            head={['Audit title', 'Recommendation', 'Proposed', 'Reason', ...(recording ? ['Panel decision'] : [])]}
            rows={paper.withdrawals.map((w) => [
              w.auditTitle,
              `${w.reference} ${w.title}`,
              statusLabel[w.withdrawal],
              w.reason,
              ...(recording ? [decisionCell({ kind: 'withdrawals', pending: w })] : []),
            ])}
          />
        </>
      )}
      {paper.withdrawnSinceLastMeeting.length > 0 && (
        <>
          <Subtitle1 as="h2">Withdrawn since the last meeting ({paper.withdrawnSinceLastMeeting.length})</Subtitle1>
          <SimpleTable
            label="Withdrawn since the last meeting"
            head={['Audit title', 'Recommendation', 'Now', 'Reason']}
            rows={paper.withdrawnSinceLastMeeting.map((w) => [w.auditTitle, `${w.reference} ${w.title}`, statusLabel[w.withdrawal], w.reason])}
          />
        </>
      )}
      {paper.reopened.length > 0 && (
        <>
          <Subtitle1 as="h2">Reopened since the last meeting ({paper.reopened.length})</Subtitle1>
          <SimpleTable
            label="Reopened since the last meeting"
            head={['Audit title', 'Recommendation', 'Why it was reopened']}
            rows={paper.reopened.map((r) => [r.auditTitle, `${r.reference} ${r.title}`, r.reason])}
          />
        </>
      )}
      <Subtitle1 as="h2">Past their original target ({paper.exceededTargets.length})</Subtitle1>
      <SimpleTable
        label="Past their original target"
        head={['Audit', 'Recommendation', 'Original target', 'Current target', 'Context', ...(canDecide ? ['Wording'] : [])]}
        rows={paper.exceededTargets.map((e) => [
          e.auditHeading,
          `${e.reference} ${e.title}`,
          e.originalTarget,
          e.currentTarget,
          e.context,
          ...(canDecide ? [<ContextWording key="w" entry={e} meeting={paper.meeting} decision={decision} />] : []),
        ])}
      />
      <Subtitle1 as="h2">Extension requests ({paper.extensionRequests.length})</Subtitle1>
      {decided('extensions')}
      <SimpleTable
        label="Extension requests"
        head={['Audit', 'Recommendation', 'Current', 'Requested', 'Reason', ...(recording ? ['Panel decision'] : [])]}
        rows={paper.extensionRequests.map((e) => [
          e.auditTitle,
          `${e.reference} ${e.title}`,
          e.currentTarget,
          e.requestedTarget,
          e.reason,
          ...(recording ? [decisionCell({ kind: 'extensions', pending: e })] : []),
        ])}
      />
      <MeetingRecordSection meeting={paper.meeting} data={data} canDecide={canDecide} decision={decision} />
      <PanelActionsSection paper={paper} meetings={meetings} canDecide={canDecide} decision={decision} />
      <Subtitle1 as="h2">Appendix A</Subtitle1>
      {paper.appendix.map((group) => (
        <details key={group.audit.id}>
          <summary>
            {group.heading} ({group.items.length})
          </summary>
          <ul>
            {group.items.map((item) => (
              <li key={item.recommendation.id}>
                {item.recommendation.reference} {item.recommendation.title}:{' '}
                {item.update ? item.update.note || item.update.achieved || 'update received' : `no update for ${paper.meeting.cycle}`}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
