import {
  Body1,
  Button,
  Caption1,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle1,
  Textarea,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { createRecommendation } from '../../application/review';
import {
  auditHeading,
  auditSchema,
  compareAuditsOldestFirst,
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
import { useAsync } from '../shared/use-async';
import { PeoplePicker } from './people-picker';
import { useDecision } from './use-decision';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1000px' },
  form: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const issues = (error: { issues: { message: string }[] }): string => error.issues.map((i) => i.message).join('; ');

function NewAudit({ onCreated }: { onCreated: () => void }) {
  const styles = useStyles();
  const session = useSession();
  const year = Number(session.today.slice(0, 4));
  const [form, setForm] = useState({ title: '', qualifier: '', month: '1', year: String(year), auditor: '', opinion: '' });
  const [error, setError] = useState<string | undefined>();
  const decision = useDecision(onCreated);
  const create = (): void => {
    const audit = {
      id: 'new',
      title: form.title,
      qualifier: form.qualifier.trim() || undefined,
      issuedMonth: Number(form.month),
      issuedYear: Number(form.year),
      auditor: form.auditor,
      opinion: parseOpinion(form.opinion),
    };
    const checked = auditSchema.safeParse(audit);
    if (!checked.success) return setError(issues(checked.error));
    setError(undefined);
    const { id: _id, ...rest } = checked.data;
    decision.run(`Audit "${rest.title}" saved`, () => session.store.upsertAudit(rest));
  };
  return (
    <Card className={styles.card} aria-label="New audit">
      <Subtitle1 as="h2">New audit report</Subtitle1>
      {(error ?? decision.message) && (
        <MessageBar intent={error ? 'error' : (decision.message?.intent ?? 'info')}>
          <MessageBarBody>{error ?? decision.message?.text}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.form}>
        <Field label="Title" required>
          <Input value={form.title} onChange={(_, d) => setForm({ ...form, title: d.value })} />
        </Field>
        <Field label="Qualifier" hint="e.g. (Revisit Audit)">
          <Input value={form.qualifier} onChange={(_, d) => setForm({ ...form, qualifier: d.value })} />
        </Field>
        <Field label="Month issued">
          <Select value={form.month} onChange={(_, d) => setForm({ ...form, month: d.value })}>
            {monthNames.map((m, i) => (
              <option key={m} value={String(i + 1)}>
                {m}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Year issued">
          <Input type="number" value={form.year} onChange={(_, d) => setForm({ ...form, year: d.value })} />
        </Field>
        <Field label="Auditor" required>
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

function NewRecommendation({ audit, people, onCreated }: { audit: Audit; people: Person[]; onCreated: () => void }) {
  const styles = useStyles();
  const session = useSession();
  const [form, setForm] = useState({ reference: '', title: '', priority: 'Medium' as Priority, text: '', response: '', target: '' });
  const [owners, setOwners] = useState<Person[]>([]);
  const [error, setError] = useState<string | undefined>();
  const decision = useDecision(onCreated);
  const target = parseTargetDate(form.target);
  const create = (): void => {
    const recommendation = {
      id: 'new',
      auditId: audit.id,
      reference: form.reference,
      referenceKey: normaliseReference(form.reference || '-'),
      title: form.title,
      priority: form.priority,
      text: form.text,
      managementResponse: form.response,
      owners,
      subParts: [],
      targets: { original: target, revisions: [] },
      status: 'open' as const,
    };
    const checked = recommendationSchema.safeParse(recommendation);
    if (!checked.success) return setError(issues(checked.error));
    setError(undefined);
    const { id: _id, ...rest } = checked.data;
    decision.run(`Recommendation ${rest.reference} added`, () => createRecommendation(session.store, rest, session.user, new Date()));
  };
  return (
    <details>
      <summary>Add a recommendation to {auditHeading(audit)}</summary>
      {(error ?? decision.message) && (
        <MessageBar intent={error ? 'error' : (decision.message?.intent ?? 'info')}>
          <MessageBarBody>{error ?? decision.message?.text}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.form}>
        <Field label="Reference" required hint="e.g. 4.2">
          <Input value={form.reference} onChange={(_, d) => setForm({ ...form, reference: d.value })} />
        </Field>
        <Field label="Short title" required>
          <Input value={form.title} onChange={(_, d) => setForm({ ...form, title: d.value })} />
        </Field>
        <Field label="Priority">
          <Select value={form.priority} onChange={(_, d) => setForm({ ...form, priority: d.value as Priority })}>
            {priorities.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </Select>
        </Field>
        <Field
          label="Target date, as agreed"
          hint={form.target ? (target.due ? `Read as due ${target.due}` : target.flag === 'noDate' ? 'No date: it will be flagged' : 'Not a date we can read: it will be flagged') : 'e.g. 31st March 2026, Q3 2025-26'}
        >
          <Input value={form.target} onChange={(_, d) => setForm({ ...form, target: d.value })} />
        </Field>
        <PeoplePicker people={people} value={owners} onChange={setOwners} />
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
    </details>
  );
}

/** Audits with their opinion and recommendations; the coordinator records new reports and recommendations. */
export function AuditsPage() {
  const styles = useStyles();
  const session = useSession();
  const load = useCallback(async () => {
    const [register, people] = await Promise.all([session.store.loadRegister(), session.directory.people()]);
    return { register, people };
  }, [session]);
  const [state, reload] = useAsync(load);
  if (state.status === 'loading') return <Spinner label="Loading audits…" />;
  if (state.status === 'error') return <LoadFailed problem="Audits could not be loaded" error={state.error} onRetry={reload} />;
  const { register, people } = state.value;
  const audits = register.audits.map((a) => a.value).sort(compareAuditsOldestFirst).reverse();
  return (
    <section className={styles.page} aria-labelledby="audits-title">
      <Title2 as="h1" id="audits-title">
        Audits
      </Title2>
      <NewAudit onCreated={reload} />
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
            <NewRecommendation audit={audit} people={people} onCreated={reload} />
          </Card>
        );
      })}
    </section>
  );
}
