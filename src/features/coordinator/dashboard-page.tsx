import {
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  Link,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { programmeDashboard, type Figure } from '../../application/coordinator/programme-dashboard';
import { filterQuery } from '../../application/coordinator/register-view';
import { progressRagLabel } from '../../domain';
import { useDates } from '../shared/dates';
import { LoadFailed } from '../shared/load-failed';
import { useSession } from '../shared/session-context';
import { useRegisterView } from './data';

// The charting library is large: it loads after the figures, which are readable without it.
const charts = () => import('./dashboard-charts');
const OpenByPriorityChart = lazy(() => charts().then((m) => ({ default: m.OpenByPriorityChart })));
const OnTimeTrendChart = lazy(() => charts().then((m) => ({ default: m.OnTimeTrendChart })));
const RevisionsChart = lazy(() => charts().then((m) => ({ default: m.RevisionsChart })));

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1200px' },
  grid: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 340px), 1fr))', alignItems: 'start' },
  card: { minWidth: 0 },
  chart: { minHeight: '220px', overflow: 'hidden' },
  big: { fontSize: tokens.fontSizeHero800, lineHeight: tokens.lineHeightHero800, fontWeight: tokens.fontWeightSemibold },
  numbers: { textAlign: 'end' },
  // Columns as wide as their words, so a header never runs out of its card, nor breaks inside a word.
  table: { tableLayout: 'auto', '& th': { overflowWrap: 'normal' } },
});

/** A two-column table of figures: what each counts, and the count (a link to its items). */
function FigureTable({ label, headings, rows }: { label: string; headings: [string, string]; rows: { key: string; name: string; count: ReactNode }[] }) {
  const styles = useStyles();
  return (
    <Table size="small" className={styles.table} aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{headings[0]}</TableHeaderCell>
          <TableHeaderCell className={styles.numbers}>{headings[1]}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key}>
            <TableCell>{row.name}</TableCell>
            <TableCell className={styles.numbers}>{row.count}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The coordinator's home: the state of the programme, each figure opening the register filtered to its items. */
export function DashboardPage({ registerHref, onReview }: { registerHref: (query: string) => string; onReview: () => void }) {
  const styles = useStyles();
  const { today } = useSession();
  const dates = useDates();
  const [state, reload] = useRegisterView();
  const figures = useMemo(() => (state.status === 'ready' ? programmeDashboard(state.value, today) : undefined), [state, today]);
  if (state.status === 'loading') return <Spinner label="Loading the programme…" />;
  if (state.status === 'error') return <LoadFailed problem="The programme could not be loaded" error={state.error} onRetry={reload} />;
  if (!figures) return null;
  // A figure is a link to the register showing exactly its items: the filter is in the address.
  const open = (figure: Figure, label: string): ReactNode =>
    figure.count === 0 ? (
      '0'
    ) : (
      <Link href={registerHref(filterQuery(figure.filter))} aria-label={`${figure.count}: ${label}, in the register`}>
        {figure.count}
      </Link>
    );
  const { updates, waiting } = figures;
  const chart = (node: ReactNode): ReactNode => (
    <div className={styles.chart}>
      <Suspense fallback={<Spinner size="tiny" label="Drawing the chart…" />}>{node}</Suspense>
    </div>
  );

  return (
    <section className={styles.page} aria-labelledby="dashboard-title">
      <Title2 as="h1" id="dashboard-title">
        Programme
      </Title2>
      <div className={styles.grid}>
        <Card className={styles.card}>
          <CardHeader header={<Subtitle2 as="h2">Waiting for you</Subtitle2>} />
          <Body1>
            <span className={styles.big}>{waiting.proposals}</span> proposal(s) to review, {waiting.targetRequests} target request(s)
          </Body1>
          <div>
            <Button appearance="primary" onClick={onReview} disabled={waiting.proposals + waiting.targetRequests === 0}>
              Open the review queue
            </Button>
          </div>
        </Card>

        <Card className={styles.card}>
          <CardHeader header={<Subtitle2 as="h2">Updates for {updates.cycle ?? 'this cycle'}</Subtitle2>} />
          <Body1>
            <span className={styles.big}>{updates.received}</span> of {updates.due} received
          </Body1>
          <Body1>Missing: {open(updates.missing, `updates missing for ${updates.cycle ?? 'this cycle'}`)}</Body1>
        </Card>

        <Card className={styles.card}>
          <CardHeader header={<Subtitle2 as="h2">Open recommendations by priority</Subtitle2>} />
          {chart(<OpenByPriorityChart figures={figures.openByPriority} />)}
          <Table size="small" className={styles.table} aria-label="Open recommendations by priority and progress">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Priority (open)</TableHeaderCell>
                {figures.openByPriority[0]?.byRag.map(({ rag }) => (
                  <TableHeaderCell key={rag}>{progressRagLabel[rag]}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {figures.openByPriority.map(({ priority, total, byRag }) => (
                <TableRow key={priority}>
                  <TableCell>
                    {priority} ({open(total, `${priority} priority, open`)})
                  </TableCell>
                  {byRag.map(({ rag, figure }) => (
                    <TableCell key={rag}>{open(figure, `${priority} priority, ${progressRagLabel[rag].toLowerCase()}`)}</TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>

        <Card className={styles.card}>
          <CardHeader header={<Subtitle2 as="h2">Overdue by audit</Subtitle2>} />
          {figures.overdueByAudit.length === 0 ? (
            <Body1>Nothing is overdue.</Body1>
          ) : (
            <FigureTable
              label="Overdue recommendations by audit"
              headings={['Audit', 'Overdue']}
              rows={figures.overdueByAudit.map(({ auditId, auditTitle, figure }) => ({
                key: auditId,
                name: auditTitle,
                count: open(figure, `overdue in ${auditTitle}`),
              }))}
            />
          )}
        </Card>

        <Card className={styles.card}>
          <CardHeader header={<Subtitle2 as="h2">Completed by the original target</Subtitle2>} />
          {figures.onTimeTrend.some((t) => t.share !== undefined) ? chart(<OnTimeTrendChart trend={figures.onTimeTrend} />) : null}
          <Table size="small" className={styles.table} aria-label="Completed by the original target, at each meeting">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Meeting</TableHeaderCell>
                <TableHeaderCell className={styles.numbers}>Fallen due</TableHeaderCell>
                <TableHeaderCell className={styles.numbers}>On time</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {figures.onTimeTrend.map((t) => (
                <TableRow key={t.date}>
                  <TableCell>{dates.date(t.date)}</TableCell>
                  <TableCell className={styles.numbers}>{t.due}</TableCell>
                  <TableCell className={styles.numbers}>
                    {t.onTime}
                    {t.share !== undefined ? ` (${Math.round(t.share * 100)}%)` : ''}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {figures.onTimeTrend.length === 0 && <Caption1>No meeting has been held yet.</Caption1>}
        </Card>

        <Card className={styles.card}>
          <CardHeader header={<Subtitle2 as="h2">Target revisions per recommendation</Subtitle2>} />
          {chart(<RevisionsChart revisions={figures.revisions} />)}
          <FigureTable
            label="Recommendations by number of target revisions"
            headings={['Revisions', 'Recommendations']}
            rows={figures.revisions.map(({ bucket, figure }) => ({
              key: bucket,
              name: bucket === '3+' ? '3 or more' : bucket,
              count: open(figure, `with ${bucket} target revisions`),
            }))}
          />
        </Card>
      </div>
    </section>
  );
}
