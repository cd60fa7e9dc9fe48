import { Caption1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useNarrow } from './use-narrow';

const useStyles = makeStyles({
  cards: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
    minWidth: 0,
  },
  field: { margin: `0 0 ${tokens.spacingVerticalXS}` },
  value: { margin: 0 },
});

/**
 * A small read-only table: a header row and rows of cells, as the paper's tables are. On a narrow tab (Teams
 * mobile) each row is a card, each cell under its column's name, so nothing scrolls sideways.
 */
export function SimpleTable({ label, head, rows }: { label: string; head: string[]; rows: ReactNode[][] }) {
  const styles = useStyles();
  const narrow = useNarrow();
  if (narrow)
    return (
      <ul aria-label={label} className={styles.cards}>
        {rows.map((cells, i) => (
          <li key={i} className={styles.card}>
            <dl className={styles.value}>
              {cells.map((c, j) => (
                <div key={j} className={styles.field}>
                  <dt>
                    <Caption1>{head[j]}</Caption1>
                  </dt>
                  <dd className={styles.value}>{c}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    );
  return (
    <Table aria-label={label} size="small">
      <TableHeader>
        <TableRow>
          {head.map((h) => (
            <TableHeaderCell key={h}>{h}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((cells, i) => (
          <TableRow key={i}>
            {cells.map((c, j) => (
              <TableCell key={j}>{c}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
