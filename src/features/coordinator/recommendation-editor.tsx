import { Button, Field, Input, Select, Subtitle1, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { RecommendationDetail } from '../../application/ports';
import { availableTransitions, effectiveStatus, fieldErrors, priorities, recommendationSchema, type Priority, type Recommendation } from '../../domain';
import { fieldError } from '../shared/field-error';
import { useSession } from '../shared/session-context';
import { useCoordinatorActions, useRegisterAndPeople } from './data';
import { DecisionMessage } from '../shared/decision-message';
import { AuditorFollowUpDialog } from './auditor-follow-up-dialog';
import { NoOwnerDialog } from './no-owner-dialog';
import { TargetDialog } from './target-dialog';
import { PartsEditor } from './parts-editor';
import { delegateRole, PeoplePicker } from '../shared/people-picker';
import { ReasonDialog } from '../shared/reason-dialog';
import { useDecision } from '../shared/use-decision';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '820px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  // A select of long titles fits the tab: the choice is cut with an ellipsis rather than widening the page.
  fit: { width: '100%', maxWidth: '100%', minWidth: 0 },
});

/** The withdrawals the coordinator proposes, each with the reason it asks for; the panel notes them at its meeting. */
const withdrawals = [
  {
    transition: 'markNotAdopted',
    trigger: 'Propose not adopted…',
    title: 'Propose the recommendation is not adopted',
    label: 'Why is it not adopted? The panel notes this at its next meeting.',
    confirm: 'Propose not adopted',
    done: 'Proposed not adopted: the next paper asks the panel to note it',
  },
  {
    transition: 'markRiskAccepted',
    trigger: 'Propose risk accepted…',
    title: 'Propose the risk is accepted',
    label: 'Why is the risk accepted? The panel notes this at its next meeting.',
    confirm: 'Propose risk accepted',
    done: 'Proposed risk accepted: the next paper asks the panel to note it',
  },
  {
    transition: 'markSuperseded',
    trigger: 'Propose superseded…',
    title: 'Propose the recommendation is superseded',
    label: 'What supersedes it? The panel notes this at its next meeting.',
    confirm: 'Propose superseded',
    done: 'Proposed superseded: the next paper asks the panel to note it',
  },
] as const;

/** The coordinator edits a recommendation, reassigns it, links a repeat, or withdraws it with a reason. */
export function RecommendationEditor({ detail, onSaved }: { detail: RecommendationDetail; onSaved: () => void }) {
  const styles = useStyles();
  const session = useSession();
  const [draft, setDraft] = useState<Recommendation>(detail.recommendation.value);
  // A saved or reloaded version replaces the form's content; the message about the save stays.
  useEffect(() => setDraft(detail.recommendation.value), [detail.recommendation]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirmNoOwner, setConfirmNoOwner] = useState(false);
  const [options] = useRegisterAndPeople();
  const actions = useCoordinatorActions();
  const decision = useDecision(onSaved);
  const set = (patch: Partial<Recommendation>): void => setDraft((d) => ({ ...d, ...patch }));
  const others =
    options.status === 'ready' ? options.value.register.recommendations.filter((r) => r.value.id !== draft.id && r.value.auditId !== draft.auditId) : [];
  const auditTitle = (id: string): string =>
    options.status === 'ready' ? (options.value.register.audits.find((a) => a.value.id === id)?.value.title ?? '') : '';

  const checked = () => recommendationSchema.safeParse(draft);
  const write = (): void => {
    setConfirmNoOwner(false);
    const result = checked();
    if (result.success) decision.run('Changes saved', () => actions.editRecommendation(detail.recommendation, result.data));
  };
  const save = (): void => {
    const result = checked();
    if (!result.success) return setErrors(fieldErrors(result.error));
    setErrors({});
    if (draft.owners.length === 0 && detail.recommendation.value.owners.length > 0) return setConfirmNoOwner(true);
    write();
  };
  // Only the steps the state machine allows from here are offered.
  const allowed = availableTransitions(effectiveStatus(detail.recommendation.value, detail.updates), { role: session.user.role, ownsItem: false });
  const withdraw = (transition: 'markNotAdopted' | 'markRiskAccepted' | 'markSuperseded', label: string) => (reason: string) =>
    decision.run(label, () => actions.transition(detail.recommendation.value.id, transition, reason));

  return (
    <section className={styles.form} aria-labelledby="edit-title">
      <Subtitle1 as="h2" id="edit-title">
        Edit (audit team)
      </Subtitle1>
      <Field label="Short title" {...fieldError(errors, 'title')}>
        <Input value={draft.title} onChange={(_, d) => set({ title: d.value })} />
      </Field>
      <Field label="Priority" {...fieldError(errors, 'priority')}>
        <Select value={draft.priority} onChange={(_, d) => set({ priority: d.value as Priority })}>
          {priorities.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </Select>
      </Field>
      <Field label="Recommendation text">
        <Textarea value={draft.text} onChange={(_, d) => set({ text: d.value })} rows={3} />
      </Field>
      <Field label="Management response">
        <Textarea value={draft.managementResponse} onChange={(_, d) => set({ managementResponse: d.value })} rows={3} />
      </Field>
      {options.status === 'ready' && (
        <PeoplePicker people={options.value.people} value={draft.owners} onChange={(owners) => set({ owners })} error={errors.owners} />
      )}
      {options.status === 'ready' && (
        <PeoplePicker
          people={options.value.people}
          value={draft.delegates ?? []}
          onChange={(delegates) => set({ delegates: delegates.length ? delegates : undefined })}
          error={errors.delegates}
          role={delegateRole}
        />
      )}
      {options.status === 'ready' && (
        <PartsEditor parts={draft.subParts} people={options.value.people} errors={errors} onChange={(subParts) => set({ subParts })} />
      )}
      <Field label="Repeat of (an earlier audit's recommendation)">
        <Select
          className={styles.fit}
          select={{ className: styles.fit }}
          value={draft.repeatOf ?? ''}
          onChange={(_, d) => set({ repeatOf: d.value || undefined })}
        >
          <option value="">Not a repeat</option>
          {others.map((r) => (
            <option key={r.value.id} value={r.value.id}>
              {auditTitle(r.value.auditId)} {r.value.reference} {r.value.title}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Closure condition">
        <Textarea value={draft.closureCondition ?? ''} onChange={(_, d) => set({ closureCondition: d.value || undefined })} rows={2} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={save} disabled={decision.busy}>
          Save changes
        </Button>
        <TargetDialog
          mode="revise"
          busy={decision.busy}
          onConfirm={(revision) => decision.run('Target revised', () => actions.reviseTarget(detail.recommendation.value.id, revision))}
        />
        <TargetDialog
          mode="correct"
          busy={decision.busy}
          onConfirm={({ target, reason }) =>
            decision.run('Original target corrected', () => actions.correctOriginal(detail.recommendation.value.id, target, reason))
          }
        />
        <AuditorFollowUpDialog
          status={effectiveStatus(detail.recommendation.value, detail.updates)}
          auditor={detail.audit?.auditor ?? ''}
          today={session.today}
          busy={decision.busy}
          onRecord={(followUp, putForward) =>
            decision.run(putForward ? 'Follow-up recorded; proposed closed' : 'Follow-up recorded', () => actions.recordFollowUp(detail, followUp, putForward))
          }
        />
        {allowed.includes('confirmCondition') && (
          <ReasonDialog
            trigger="Confirm the condition is met…"
            title={`Confirm: ${detail.recommendation.value.closureCondition ?? 'the panel’s condition'}`}
            label="How was it met? (e.g. approved at the staff committee on 3 June)"
            confirm="Confirm and close"
            onConfirm={(reason) =>
              decision.run('Condition confirmed: closed', () => actions.transition(detail.recommendation.value.id, 'confirmCondition', reason))
            }
          />
        )}
        {withdrawals
          .filter((w) => allowed.includes(w.transition))
          .map((w) => (
            <ReasonDialog
              key={w.transition}
              trigger={w.trigger}
              title={w.title}
              label={w.label}
              confirm={w.confirm}
              onConfirm={withdraw(w.transition, w.done)}
            />
          ))}
      </div>
      <DecisionMessage message={decision.message} />
      <NoOwnerDialog open={confirmNoOwner} reference={draft.reference} onCancel={() => setConfirmNoOwner(false)} onConfirm={write} />
    </section>
  );
}
