import { Body1, Caption1, Card, Spinner, Subtitle1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { auditHeading, compareAuditsOldestFirst, isRunning, monthNames } from '../../domain';
import { LoadFailed } from '../shared/load-failed';
import { useRegisterAndPeople } from './data';
import { NewAudit } from './new-audit-form';
import { NewRecommendation } from './new-recommendation-form';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1000px' },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

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
