import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Spinner,
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
import { useMemo, useState } from 'react';
import {
  emptyFilter,
  filterFromQuery,
  filterRegister,
  sortRegister,
  type RegisterFilter,
  type RegisterSort,
} from '../../application/coordinator/register-view';
import { priorities, revisionBuckets, statusLabel, statuses, type ProgressRag } from '../../domain';
import { PriorityBadge, ProgressBadge, StatusText } from '../shared/badges';
import { download } from '../shared/download';
import { LoadFailed } from '../shared/load-failed';
import { useSession } from '../shared/session-context';
import { useNarrow } from '../shared/use-narrow';
import { useCoordinatorActions, useRegisterView } from './data';

const rowHeight = 48;
// On a narrow tab each row is a card of three lines: still one height, so the window maths holds.
const cardHeight = 124;
const viewportRows = 14;
const overscan = 6;

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  scroller: { maxHeight: `${rowHeight * viewportRows + 40}px`, overflowY: 'auto', border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  // Rows keep one height (text is cut with an ellipsis, the full text is in the tooltip) so the window maths holds.
  row: { height: `${rowHeight}px`, maxHeight: `${rowHeight}px` },
  cards: { display: 'block', '& thead': { display: 'none' }, '& tbody': { display: 'block' } },
  card: {
    display: 'grid',
    gridTemplateColumns: 'auto auto 1fr',
    gridTemplateAreas: '"title title title" "priority progress target" "status status owners"',
    alignItems: 'center',
    alignContent: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    boxSizing: 'border-box',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    height: `${cardHeight}px`,
    maxHeight: `${cardHeight}px`,
    overflow: 'hidden',
    '& > td': { display: 'block', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', padding: `0 ${tokens.spacingHorizontalS}` },
    '& > td:nth-child(1)': { gridArea: 'title' },
    '& > td:nth-child(2)': { gridArea: 'priority' },
    '& > td:nth-child(3)': { gridArea: 'progress' },
    '& > td:nth-child(4)': { gridArea: 'target' },
    '& > td:nth-child(5)': { gridArea: 'status' },
    '& > td:nth-child(6)': { gridArea: 'owners' },
  },
  title: { display: 'flex', flexDirection: 'column', textAlign: 'left', minWidth: 0, width: '100%', overflow: 'hidden' },
  // The title takes the row's colour, so a hovered or selected row in high contrast (Highlight behind
  // HighlightText) keeps it readable, as the row's other cells are.
  open: {
    maxWidth: '100%',
    minWidth: 0,
    justifyContent: 'flex-start',
    overflow: 'hidden',
    color: 'inherit',
    ':hover': { color: 'inherit' },
    ':hover:active': { color: 'inherit' },
  },
  oneLine: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', display: 'block' },
});

/** Every recommendation: filter, sort, search; only the rows in view are drawn, so 5,000 rows stay smooth. */
export function RegisterPage({ onOpen, query = '' }: { onOpen: (id: string) => void; query?: string }) {
  const styles = useStyles();
  const session = useSession();
  const narrow = useNarrow();
  const height = narrow ? cardHeight : rowHeight;
  const [state, reload] = useRegisterView();
  const actions = useCoordinatorActions();
  // A dashboard figure opens the register with its filter in the address.
  const [filter, setFilter] = useState<RegisterFilter>(() => filterFromQuery(query));
  const [sort, setSort] = useState<RegisterSort>('audit');
  const [scrollTop, setScrollTop] = useState(0);
  const [exporting, setExporting] = useState(false);

  const view = state.status === 'ready' ? state.value : undefined;
  const rows = useMemo(() => (view ? sortRegister(filterRegister(view.rows, filter), sort) : []), [view, filter, sort]);
  const owners = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of view?.data.recommendations ?? []) for (const o of r.owners) seen.set(o.email, o.name);
    return [...seen.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  }, [view]);

  if (state.status === 'loading') return <Spinner label="Loading the register…" />;
  if (state.status === 'error') return <LoadFailed problem="The register could not be loaded" error={state.error} onRetry={reload} />;
  const set = (patch: Partial<RegisterFilter>): void => {
    setFilter((f) => ({ ...f, ...patch }));
    setScrollTop(0);
  };
  const first = Math.max(0, Math.floor(scrollTop / height) - overscan);
  const last = Math.min(rows.length, first + viewportRows + overscan * 2);
  const filtered = rows.length < state.value.rows.length;
  // The file holds what the screen shows, in its order; the whole register is a separate choice.
  const exportXlsx = async (which: 'shown' | 'all'): Promise<void> => {
    setExporting(true);
    try {
      const data = which === 'all' ? state.value.data : { ...state.value.data, recommendations: rows.map((r) => r.recommendation) };
      download(await actions.registerFile(data), which === 'all' ? `register-${session.today}.xlsx` : `register-${session.today}-filtered.xlsx`);
    } finally {
      setExporting(false);
    }
  };

  return (
    <section className={styles.page} aria-labelledby="register-title">
      <Title2 as="h1" id="register-title">
        Register
      </Title2>
      <div className={styles.filters}>
        <Field label="Search">
          <Input value={filter.search} onChange={(_, d) => set({ search: d.value })} placeholder="Title, reference, owner…" />
        </Field>
        <Field label="Audit">
          <Select value={filter.auditId} onChange={(_, d) => set({ auditId: d.value })}>
            <option value="">All audits</option>
            {state.value.data.audits.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title} {a.qualifier ?? ''} ({a.issuedYear})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Priority">
          <Select value={filter.priority} onChange={(_, d) => set({ priority: d.value as RegisterFilter['priority'] })}>
            <option value="">All</option>
            {priorities.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </Select>
        </Field>
        <Field label="Status">
          <Select value={filter.status} onChange={(_, d) => set({ status: d.value as RegisterFilter['status'] })}>
            <option value="">All</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {statusLabel[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Owner">
          <Select value={filter.owner} onChange={(_, d) => set({ owner: d.value })}>
            <option value="">Everyone</option>
            {owners.map(([email, name]) => (
              <option key={email} value={email}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Progress">
          <Select value={filter.rag} onChange={(_, d) => set({ rag: d.value as ProgressRag | '' })}>
            <option value="">All</option>
            <option value="RED">Overdue</option>
            <option value="AMBER">Not yet due</option>
            <option value="GREEN">Implemented</option>
            <option value="GREY">Not adopted</option>
          </Select>
        </Field>
        <Field label="Sort by">
          <Select value={sort} onChange={(_, d) => setSort(d.value as RegisterSort)}>
            <option value="audit">Audit</option>
            <option value="priority">Priority</option>
            <option value="target">Current target</option>
            <option value="status">Status</option>
            <option value="owner">Owner</option>
          </Select>
        </Field>
        <Field label="Target revisions">
          <Select value={filter.revisions} onChange={(_, d) => set({ revisions: d.value as RegisterFilter['revisions'] })}>
            <option value="">Any</option>
            {revisionBuckets.map((b) => (
              <option key={b} value={b}>
                {b === '3+' ? '3 or more' : b}
              </option>
            ))}
          </Select>
        </Field>
        <Checkbox label="Open only" checked={filter.openOnly} onChange={(_, d) => set({ openOnly: d.checked === true })} />
        <Checkbox label="Overdue only" checked={filter.overdueOnly} onChange={(_, d) => set({ overdueOnly: d.checked === true })} />
        <Checkbox
          label={`No update for ${state.value.meeting?.cycle ?? 'this cycle'}`}
          checked={filter.noUpdateOnly}
          onChange={(_, d) => set({ noUpdateOnly: d.checked === true })}
        />
        <Button onClick={() => void exportXlsx('shown')} disabled={exporting || rows.length === 0}>
          {exporting ? 'Preparing…' : filtered ? `Download these ${rows.length} (.xlsx)` : 'Download register (.xlsx)'}
        </Button>
        {filtered && (
          <Button appearance="subtle" onClick={() => void exportXlsx('all')} disabled={exporting}>
            Download the whole register
          </Button>
        )}
      </div>
      <Body1 aria-live="polite">
        {rows.length} of {state.value.rows.length} recommendations
      </Body1>
      {rows.length === 0 && state.value.rows.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>No recommendation matches these filters.</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => set(emptyFilter)}>Clear the filters</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div className={styles.scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} data-testid="register-scroller">
        <Table aria-label="Register" aria-rowcount={rows.length + 1} className={narrow ? styles.cards : undefined}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: '34%' }}>Recommendation</TableHeaderCell>
              <TableHeaderCell style={{ width: '9%' }}>Priority</TableHeaderCell>
              <TableHeaderCell style={{ width: '11%' }}>Progress</TableHeaderCell>
              <TableHeaderCell style={{ width: '13%' }}>Target</TableHeaderCell>
              <TableHeaderCell style={{ width: '14%' }}>Status</TableHeaderCell>
              <TableHeaderCell>Owners</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {first > 0 && <tr style={{ height: first * height, display: narrow ? 'block' : undefined }} aria-hidden="true" />}
            {rows.slice(first, last).map((row, index) => (
              <TableRow key={row.recommendation.id} className={narrow ? styles.card : styles.row} aria-rowindex={first + index + 2}>
                <TableCell>
                  <Button
                    appearance="transparent"
                    className={styles.open}
                    onClick={() => onOpen(row.recommendation.id)}
                    title={`${row.recommendation.reference} ${row.recommendation.title} – ${row.auditTitle}${row.repeatOf ? ` – ${row.repeatOf}` : ''}`}
                  >
                    <span className={styles.title}>
                      <Body1 className={styles.oneLine}>
                        {row.recommendation.reference} {row.recommendation.title}
                      </Body1>
                      <Caption1 className={styles.oneLine}>
                        {row.auditTitle}
                        {row.repeatOf && ` · ${row.repeatOf}`}
                      </Caption1>
                    </span>
                  </Button>
                </TableCell>
                <TableCell>
                  <PriorityBadge priority={row.recommendation.priority} />
                </TableCell>
                <TableCell>
                  <ProgressBadge rag={row.rag} />
                </TableCell>
                <TableCell>{row.current.text || '—'}</TableCell>
                <TableCell>
                  <StatusText status={row.status} />
                  {row.updateDue && <Caption1 block>No update yet</Caption1>}
                  {row.parts && <Caption1 block>{row.parts}</Caption1>}
                </TableCell>
                <TableCell title={row.owners}>
                  {row.owners ? (
                    <span className={styles.oneLine}>{row.owners}</span>
                  ) : (
                    <Badge appearance="tint" color="danger">
                      No owner
                    </Badge>
                  )}
                </TableCell>
              </TableRow>
            ))}
            {last < rows.length && <tr style={{ height: (rows.length - last) * height, display: narrow ? 'block' : undefined }} aria-hidden="true" />}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
