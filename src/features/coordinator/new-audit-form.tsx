import { Button, Card, Field, Input, Select, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { auditSchema, fieldErrors, monthNames, parseOpinion } from '../../domain';
import { DecisionMessage } from '../shared/decision-message';
import { fieldError } from '../shared/field-error';
import { useSession } from '../shared/session-context';
import { useDecision } from '../shared/use-decision';
import { useCoordinatorActions } from './data';

const useStyles = makeStyles({
  form: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** The coordinator records a new audit report: title, qualifier, month, auditor and the opinion as written. */
export function NewAudit({ onCreated }: { onCreated: () => void }) {
  const styles = useStyles();
  const session = useSession();
  const year = Number(session.today.slice(0, 4));
  const blank = { title: '', qualifier: '', month: '1', year: String(year), auditor: '', opinion: '' };
  const [form, setForm] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
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
        <Field label="Title" required {...fieldError(errors, 'title')}>
          <Input value={form.title} onChange={(_, d) => setForm({ ...form, title: d.value })} />
        </Field>
        <Field label="Qualifier" hint="e.g. (Revisit Audit)">
          <Input value={form.qualifier} onChange={(_, d) => setForm({ ...form, qualifier: d.value })} />
        </Field>
        <Field label="Month issued" {...fieldError(errors, 'issuedMonth')}>
          <Select value={form.month} onChange={(_, d) => setForm({ ...form, month: d.value })}>
            {monthNames.map((m, i) => (
              <option key={m} value={String(i + 1)}>
                {m}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Year issued" {...fieldError(errors, 'issuedYear')}>
          <Input type="number" value={form.year} onChange={(_, d) => setForm({ ...form, year: d.value })} />
        </Field>
        <Field label="Auditor" required {...fieldError(errors, 'auditor')}>
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
