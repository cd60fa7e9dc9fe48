import { Button, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import {
  auditHeading,
  fieldErrors,
  normaliseReference,
  describeReading,
  parseTargetDate,
  priorities,
  recommendationSchema,
  type Audit,
  type Person,
  type Priority,
} from '../../domain';
import { DecisionMessage } from '../shared/decision-message';
import { fieldError } from '../shared/field-error';
import { useDecision } from '../shared/use-decision';
import { useSession } from '../shared/session-context';
import { useCoordinatorActions } from './data';
import { NoOwnerDialog } from './no-owner-dialog';
import { PeoplePicker } from '../shared/people-picker';

const useStyles = makeStyles({
  form: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'end' },
});

const blankRecommendation = { reference: '', title: '', priority: 'Medium' as Priority, text: '', response: '', target: '' };

/** Adds a recommendation to an audit; a reference the audit already has is refused, and the message opens it. */
export function NewRecommendation({
  audit,
  people,
  onCreated,
  onOpen,
}: {
  audit: Audit;
  people: Person[];
  onCreated: () => void;
  onOpen: (id: string) => void;
}) {
  const styles = useStyles();
  const [form, setForm] = useState(blankRecommendation);
  const [owners, setOwners] = useState<Person[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirmNoOwner, setConfirmNoOwner] = useState(false);
  const decision = useDecision(onCreated);
  const actions = useCoordinatorActions();
  const { targetReading } = useSession();
  const target = parseTargetDate(form.target, targetReading);
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
        <Field label="Reference" required hint="e.g. 4.2" {...fieldError(errors, 'reference')}>
          <Input value={form.reference} onChange={(_, d) => setForm({ ...form, reference: d.value })} />
        </Field>
        <Field label="Short title" required {...fieldError(errors, 'title')}>
          <Input value={form.title} onChange={(_, d) => setForm({ ...form, title: d.value })} />
        </Field>
        <Field label="Priority" {...fieldError(errors, 'priority')}>
          <Select value={form.priority} onChange={(_, d) => setForm({ ...form, priority: d.value as Priority })}>
            {priorities.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </Select>
        </Field>
        <Field label="Target date, as agreed" hint={form.target ? describeReading(target) : 'e.g. 31st March 2026, Q3 2025-26'}>
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
