import { Body1, Button, Caption1, Card, Field, Input, Select, Spinner, Subtitle1, Textarea, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import {
  auditHeading,
  auditSchema,
  compareAuditsOldestFirst,
  fieldErrors,
  isRunning,
  monthNames,
  normaliseReference,
  parseOpinion,
  parseTargetDate,
  priorities,
  recommendationSchema,
  type Audit,
  type Person,
  type Priority,
} from '../../domain';
import { LoadFailed } from '../shared/load-failed';
import { useSession } from '../shared/session-context';
import { useCoordinatorActions, useRegisterAndPeople } from './data';
import { DecisionMessage } from '../shared/decision-message';
import { NoOwnerDialog } from './no-owner-dialog';
import { PeoplePicker } from './people-picker';
import { useDecision } from '../shared/use-decision';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1000px' },
  form: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

type Errors = Record<string, string>;
const errorProps = (errors: Errors, field: string) => ({
  validationMessage: errors[field],
  validationState: errors[field] ? ('error' as const) : ('none' as const),
});

function NewAudit({ onCreated }: { onCreated: () => void }) {
  const styles = useStyles();
  const session = useSession();
  const year = Number(session.today.slice(0, 4));
  const blank = { title: '', qualifier: '', month: '1', year: String(year), auditor: '', opinion: '' };
  const [form, setForm] = useState(blank);
  const [errors, setErrors] = useState<Errors>({});
  const decision = useDecision(onCreated);
  const actions = useCoordinatorActions();
  const create = (): void => {
    const audit = {
      id: 'new',
      title: form.title,
      qualifier: form.qualifier.trim() || undefined,
      issuedMonth: Number(form.month),
      issuedYear: form.year.trim() ? Number(form.year) : Number.NaN,
      auditor: form.auditor,
      opinion: parseOpinion(form.opinion),
    };
    const checked = auditSchema.safeParse(audit);
    if (!checked.success) return setErrors(fieldErrors(checked.error));
    setErrors({});
    const { id: _id, ...rest } = checked.data;
    decision.run(
      `Audit "${rest.title}" saved`,
      () => actions.recordAudit(rest),
      () => setForm(blank),
    );
  };
  return (
    <Card className={styles.card} aria-label="New audit">
      <Subtitle1 as="h2">New audit report</Subtitle1>
      <DecisionMessage message={decision.message} />
      <div className={styles.form}>
        <Field label="Title" required {...errorProps(errors, 'title')}>
          <Input value={form.title} onChange={(_, d) => setForm({ ...form, title: d.value })} />
        </Field>
        <Field label="Qualifier" hint="e.g. (Revisit Audit)">
          <Input value={form.qualifier} onChange={(_, d) => setForm({ ...form, qualifier: d.value })} />
        </Field>
        <Field label="Month issued" {...errorProps(errors, 'issuedMonth')}>
          <Select value={form.month} onChange={(_, d) => setForm({ ...form, month: d.value })}>
            {monthNames.map((m, i) => (
              <option key={m} value={String(i + 1)}>
                {m}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Year issued" {...errorProps(errors, 'issuedYear')}>
          <Input type="number" value={form.year} onChange={(_, d) => setForm({ ...form, year: d.value })} />
        </Field>
        <Field label="Auditor" required {...errorProps(errors, 'auditor')}>
          <Input value={form.auditor} onChange={(_, d) => setForm({ ...form, auditor: d.value })} />
        </Field>
        <Field label="Opinion, as written" hint={form.opinion ? `Read as: ${parseOpinion(form.opinion).level ?? 'unknown level'}` : 'e.g. MODERATE OPINION'}>
          <Input value={form.opinion} onChange={(_, d) => setForm({ ...form, opinion: d.value })} />
        </Field>
        <Button appearance="primary" onClick={create} disabled={decision.busy}>
          Save audit
        </Button>
      </div>
    </Card>
  );
}

const blankRecommendation = { reference: '', title: '', priority: 'Medium' as Priority, text: '', response: '', target: '' };

function NewRecommendation({ audit, people, onCreated, onOpen }: { audit: Audit; people: Person[]; onCreated: () => void; onOpen: (id: string) => void }) {
  const styles = useStyles();
  const [form, setForm] = useState(blankRecommendation);
  const [owners, setOwners] = useState<Person[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [confirmNoOwner, setConfirmNoOwner] = useState(false);
  const decision = useDecision(onCreated);
  const actions = useCoordinatorActions();
  const target = parseTargetDate(form.target);
  const checked = () =>
    recommendationSchema.safeParse({
      id: 'new',
      auditId: audit.id,
      reference: form.reference,
      // Derived from the reference, so only the reference itself can be wrong.
      referenceKey: normaliseReference(form.reference),
      title: form.title,
      priority: form.priority,
      text: form.text,
      managementResponse: form.response,
      owners,
      subParts: [],
      targets: { original: target, revisions: [] },
      status: 'open' as const,
    });
  const save = (): void => {
    setConfirmNoOwner(false);
    const result = checked();
    if (!result.success) return;
    const { id: _id, ...rest } = result.data;
    decision.run(
      `Recommendation ${rest.reference} added`,
      () => actions.createRecommendation(rest),
      () => {
        setForm(blankRecommendation);
        setOwners([]);
      },
    );
  };
  const create = (): void => {
    const result = checked();
    if (!result.success) {
      const found = fieldErrors(result.error);
      const { referenceKey: _key, ...shown } = found;
      return setErrors(shown);
    }
    setErrors({});
    if (owners.length === 0) return setConfirmNoOwner(true);
    save();
  };
  return (
    <details>
      <summary>Add a recommendation to {auditHeading(audit)}</summary>
      <DecisionMessage message={decision.message} onOpen={onOpen} />
      <div className={styles.form}>
        <Field label="Reference" required hint="e.g. 4.2" {...errorProps(errors, 'reference')}>
          <Input value={form.reference} onChange={(_, d) => setForm({ ...form, reference: d.value })} />
        </Field>
        <Field label="Short title" required {...errorProps(errors, 'title')}>
          <Input value={form.title} onChange={(_, d) => setForm({ ...form, title: d.value })} />
        </Field>
        <Field label="Priority" {...errorProps(errors, 'priority')}>
          <Select value={form.priority} onChange={(_, d) => setForm({ ...form, priority: d.value as Priority })}>
            {priorities.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </Select>
        </Field>
        <Field
          label="Target date, as agreed"
          hint={
            form.target
              ? target.due
                ? `Read as due ${target.due}`
                : target.flag === 'noDate'
                  ? 'No date: it will be flagged'
                  : 'Not a date we can read: it will be flagged'
              : 'e.g. 31st March 2026, Q3 2025-26'
          }
        >
          <Input value={form.target} onChange={(_, d) => setForm({ ...form, target: d.value })} />
        </Field>
        <PeoplePicker people={people} value={owners} onChange={setOwners} error={errors.owners} />
      </div>
      <Field label="Recommendation">
        <Textarea value={form.text} onChange={(_, d) => setForm({ ...form, text: d.value })} />
      </Field>
      <Field label="Management response">
        <Textarea value={form.response} onChange={(_, d) => setForm({ ...form, response: d.value })} />
      </Field>
      <Button appearance="primary" onClick={create} disabled={decision.busy}>
        Add recommendation
      </Button>
      <NoOwnerDialog open={confirmNoOwner} reference={form.reference} onCancel={() => setConfirmNoOwner(false)} onConfirm={save} />
    </details>
  );
}

/** Audits with their opinion and recommendations; the coordinator records new reports and recommendations. */
export function AuditsPage({ onOpen }: { onOpen: (id: string) => void }) {
  const styles = useStyles();
  const [state, reload] = useRegisterAndPeople();
  if (state.status === 'loading') return <Spinner label="Loading audits…" />;
  if (state.status === 'error') return <LoadFailed problem="Audits could not be loaded" error={state.error} onRetry={reload} />;
  const { register, people } = state.value;
  const audits = register.audits
    .map((a) => a.value)
    .sort(compareAuditsOldestFirst)
    .reverse();
  return (
    <section className={styles.page} aria-labelledby="audits-title">
      <Title2 as="h1" id="audits-title">
        Audits
      </Title2>
      <NewAudit onCreated={reload} />
      {audits.length === 0 && <Body1>No audits yet: record the first report above, or import a register.</Body1>}
      {audits.map((audit) => {
        const recs = register.recommendations.filter((r) => r.value.auditId === audit.id);
        return (
          <Card key={audit.id} className={styles.card} aria-label={auditHeading(audit)}>
            <Subtitle1 as="h2">
              {auditHeading(audit)} – {monthNames[audit.issuedMonth - 1]} {audit.issuedYear}
            </Subtitle1>
            <Caption1>
              {audit.opinion.asWritten} ({audit.opinion.level ?? 'level not recognised'}) · {audit.auditor}
            </Caption1>
            <Body1>
              {recs.length} recommendation(s), {recs.filter((r) => isRunning(r.value.status)).length} running
            </Body1>
            <NewRecommendation audit={audit} people={people} onCreated={reload} onOpen={onOpen} />
          </Card>
        );
      })}
    </section>
  );
}
