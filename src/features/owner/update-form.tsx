import {
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  FieldContextProvider,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle1,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { RecommendationDetail, Versioned } from '../../application/ports';
import { hasContent, type DraftField, type UpdateDraft } from '../../application/owner/update-draft';
import {
  auditHeading,
  auditIssuedLabel,
  collectiveCandidates,
  currentTarget,
  describeReading,
  mayReport,
  mayWriteUpdate,
  nextRevisionNeedsPanel,
  parseTargetDate,
  partsOwnedBy,
  updateQuestions,
  type OwnerUpdate,
  type Recommendation,
} from '../../domain';
import { useSession } from '../shared/session-context';
import { useSubmitUpdate } from './data';
import { EvidenceField } from './evidence-field';
import { useUpdateDraft } from './use-update-draft';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '820px' },
  // A native select grows to its longest option; at 400 px it must not push past the page.
  fit: { maxWidth: '100%', '& select': { maxWidth: '100%' } },
  choices: { display: 'flex', flexDirection: 'column', overflowWrap: 'anywhere' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalL,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
});

type TextField = 'achieved' | 'remaining' | 'barriers' | 'mitigation';
const questions: [TextField, string][] = [
  ['achieved', updateQuestions.achieved],
  ['remaining', updateQuestions.remaining],
  ['barriers', updateQuestions.barriers],
  ['mitigation', updateQuestions.mitigation],
];

/**
 * The update for this cycle: the report's five questions, evidence, and a new target date if needed. The owner
 * writes their own; a delegate or the coordinator writes one on the owner's behalf (`onBehalfOf`, the owner's
 * name), and the coordinator may put the item forward for closure in it and straight to the panel.
 */
export function UpdateForm({
  detail,
  cycle,
  onSubmitted,
  onBehalfOf,
}: {
  detail: RecommendationDetail;
  cycle: string;
  onSubmitted: (update: OwnerUpdate) => void;
  onBehalfOf?: string;
}) {
  const styles = useStyles();
  const session = useSession();
  const send = useSubmitUpdate();
  const { draft, restored, change: changeDraft, forget, discard: discardDraft, saveProblem } = useUpdateDraft(detail.recommendation);
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});
  const [failure, setFailure] = useState<string | undefined>();
  const [changes, setChanges] = useState<{ current: Versioned<Recommendation>; list: string[] } | undefined>();
  const [submitting, setSubmitting] = useState(false);
  const [toPanel, setToPanel] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const change = (patch: Partial<UpdateDraft>): void => {
    changeDraft(patch);
    const touched = Object.keys(patch) as DraftField[];
    setErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([field]) => !touched.includes(field as DraftField))));
  };

  const submit = async (toSubmit: UpdateDraft): Promise<void> => {
    setSubmitting(true);
    setFailure(undefined);
    try {
      const result = await send(toSubmit, cycle, { toPanel: session.user.role === 'coordinator' && toPanel });
      if (result.kind === 'invalid') {
        setErrors(result.errors);
        requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      } else if (result.kind === 'changed') {
        setChanges({ current: result.current, list: result.changes });
      } else {
        forget();
        onSubmitted(result.update);
      }
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setSubmitting(false);
    }
  };

  const acceptChanges = (): void => {
    if (!changes) return;
    const next = { ...draft, opened: changes.current };
    change({ opened: changes.current });
    setChanges(undefined);
    void submit(next);
  };

  const discard = (): void => {
    discardDraft();
    setErrors({});
  };

  const item = detail.recommendation.value;
  // The item's owners, delegates and the audit team report on any part; a part's owner on their own parts.
  const reportsOnWhole = session.user.role === 'coordinator' || mayWriteUpdate(item, detail.delegations, { email: session.user.email });
  const mine = partsOwnedBy(item, session.user.email);
  const parts = item.subParts.filter((p) => reportsOnWhole || mine.includes(p.label));
  // Items the same response may go on as well (a collective response): only while reporting on the whole item.
  const shareable = collectiveCandidates(item, detail.related, (r) => session.user.role === 'coordinator' || mayReport(r, [], session.user.email));
  const shareLabel = (r: Recommendation): string => {
    const audit = r.auditId === item.auditId ? undefined : detail.audits.find((a) => a.id === r.auditId);
    return `${r.reference} ${r.title}${audit ? ` (${auditHeading(audit)}, ${auditIssuedLabel(audit)})` : ''}`;
  };
  const targets = detail.recommendation.value.targets;
  const policy = nextRevisionNeedsPanel(targets);
  const errorProps = (field: DraftField) => ({
    validationMessage: errors[field],
    validationState: errors[field] ? ('error' as const) : ('none' as const),
  });

  return (
    <form
      ref={formRef}
      className={styles.form}
      aria-labelledby="update-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!submitting) void submit(draft);
      }}
    >
      <Subtitle1 as="h2" id="update-title">
        {onBehalfOf ? `Update for ${cycle} on behalf of ${onBehalfOf}` : `Your update for ${cycle}`}
      </Subtitle1>
      {restored && hasContent(restored) && (
        <MessageBar intent="info">
          <MessageBarBody>We restored the draft you had not sent yet.</MessageBarBody>
        </MessageBar>
      )}
      {parts.length > 0 && (
        <Field label="Reporting on" {...errorProps('part')}>
          <Select className={styles.fit} value={draft.part} onChange={(_, d) => change({ part: d.value })}>
            {reportsOnWhole && <option value="">The whole recommendation</option>}
            {parts.map((p) => (
              <option key={p.label} value={p.label}>
                Part {p.label}: {p.text.length > 40 ? `${p.text.slice(0, 40)}…` : p.text}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {!draft.part && shareable.length > 0 && (
        <Field
          label="Also apply this response to"
          hint="Each one shows the response as its own update; the paper prints it once and refers to it from the others."
          {...errorProps('alsoApplyTo')}
        >
          {(control) => (
            <div role="group" className={styles.choices} {...control}>
              {/* Each checkbox is labelled by its own item, not by the field around them. */}
              <FieldContextProvider value={undefined}>
                {shareable.map((r) => (
                  <Checkbox
                    key={r.id}
                    checked={draft.alsoApplyTo.includes(r.id)}
                    onChange={(_, d) =>
                      change({ alsoApplyTo: d.checked === true ? [...draft.alsoApplyTo, r.id] : draft.alsoApplyTo.filter((id) => id !== r.id) })
                    }
                    label={shareLabel(r)}
                  />
                ))}
              </FieldContextProvider>
            </div>
          )}
        </Field>
      )}
      {questions.map(([field, label]) => (
        <Field key={field} label={label} {...errorProps(field)}>
          <Textarea value={draft[field]} onChange={(_, d) => change({ [field]: d.value })} resize="vertical" rows={3} />
        </Field>
      ))}

      <Field {...errorProps('proposesClosure')}>
        <Checkbox
          checked={draft.proposesClosure}
          onChange={(_, d) => change({ proposesClosure: d.checked === true })}
          label={
            draft.part
              ? `I propose part ${draft.part} is done`
              : session.user.role === 'coordinator'
                ? 'Put this recommendation forward for closure (proposed closed)'
                : 'I propose this recommendation is closed'
          }
        />
      </Field>
      {draft.proposesClosure && (
        <div className={styles.section}>
          <Field label="How has the recommendation been met?" required {...errorProps('closureNarrative')}>
            <Textarea value={draft.closureNarrative} onChange={(_, d) => change({ closureNarrative: d.value })} resize="vertical" rows={4} />
          </Field>
          <Checkbox
            checked={draft.closureConditional}
            onChange={(_, d) => change({ closureConditional: d.checked === true })}
            label="The closure is subject to a condition (e.g. another body's approval)"
          />
          {draft.closureConditional && (
            <Field label="Subject to" required hint="e.g. approval of the honoraria procedure at the staff committee" {...errorProps('closureCondition')}>
              <Input value={draft.closureCondition} onChange={(_, d) => change({ closureCondition: d.value })} />
            </Field>
          )}
          <EvidenceField
            value={draft.evidence}
            onChange={(evidence) => change({ evidence })}
            evidence={session.evidence}
            folder={`${draft.recommendationId}/${draft.idempotencyKey}`}
            limit={session.evidenceLimit}
            error={errors.evidence}
          />
          {session.user.role === 'coordinator' && (
            <Checkbox
              checked={toPanel}
              onChange={(_, d) => setToPanel(d.checked === true)}
              label="Put it straight to the panel (accept the closure for the next paper)"
            />
          )}
        </div>
      )}

      <Checkbox checked={draft.requestNewTarget} onChange={(_, d) => change({ requestNewTarget: d.checked === true })} label="I need a new target date" />
      {draft.requestNewTarget && (
        <div className={styles.section}>
          <Caption1>
            Original target: {targets.original.text || 'none'}.{' '}
            {targets.revisions.length === 0
              ? 'Not revised before.'
              : `Revised ${targets.revisions.length} time(s): ${targets.revisions.map((r) => `${r.target.text} (${r.reason})`).join('; ')}.`}{' '}
            Current target: {currentTarget(targets).text || 'none'}.
          </Caption1>
          <MessageBar intent={policy.needsPanel ? 'warning' : 'info'}>
            <MessageBarBody>
              {policy.needsPanel ? `This request goes to the panel. ${policy.why}.` : `The audit coordinator can approve this request. ${policy.why}.`}
            </MessageBarBody>
          </MessageBar>
          <Field
            label="New target, as you would write it"
            required
            {...errorProps('newTargetDate')}
            hint={
              draft.newTargetDate.trim()
                ? describeReading(parseTargetDate(draft.newTargetDate, session.targetReading))
                : 'e.g. 31st March 2026, 3rd Qtr 2025-26'
            }
          >
            <Input value={draft.newTargetDate} onChange={(_, d) => change({ newTargetDate: d.value })} />
          </Field>
          <Field label="Why must the date move?" required {...errorProps('newTargetReason')}>
            <Textarea value={draft.newTargetReason} onChange={(_, d) => change({ newTargetReason: d.value })} resize="vertical" rows={2} />
          </Field>
        </div>
      )}

      {Object.keys(errors).length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>Check the highlighted fields. Your text is kept.</MessageBarBody>
        </MessageBar>
      )}
      {changes && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This recommendation changed while you were writing</MessageBarTitle>
            <ul>
              {changes.list.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            Your update is kept. Check it still says what you mean, then submit.
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={acceptChanges}>
              I have read the changes – submit
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {failure && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Your update was not sent</MessageBarTitle>
            {failure} Your draft is kept; try again.
          </MessageBarBody>
        </MessageBar>
      )}
      {saveProblem && (
        <MessageBar intent="warning">
          <MessageBarBody>{saveProblem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={submitting}>
          {submitting ? 'Sending…' : 'Submit update'}
        </Button>
        <Dialog>
          <DialogTrigger disableButtonEnhancement>
            <Button disabled={!hasContent(draft) || submitting}>Discard draft</Button>
          </DialogTrigger>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>Discard this draft?</DialogTitle>
              <DialogContent>Everything you have written for this update will be removed from this device.</DialogContent>
              <DialogActions>
                <DialogTrigger disableButtonEnhancement>
                  <Button appearance="secondary">Keep writing</Button>
                </DialogTrigger>
                <DialogTrigger disableButtonEnhancement>
                  <Button appearance="primary" onClick={discard}>
                    Discard
                  </Button>
                </DialogTrigger>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
        <Caption1 aria-live="polite">{hasContent(draft) ? 'Draft saved on this device.' : ''}</Caption1>
      </div>
    </form>
  );
}
