import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { decisionLabel } from '../../application/shared/decision-labels';
import { statusLabel, type AgendaItem } from '../../domain';
import { ClosureCase } from './closure-case';

const useStyles = makeStyles({
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'start', overflowWrap: 'anywhere' },
});

const kindNames: Record<AgendaItem['kind'], string> = {
  closures: 'Proposed closed',
  withdrawals: 'Withdrawal for the panel to note',
  extensions: 'Extension request',
  actions: 'Action from an earlier meeting',
};

/** What the paper says of the item beyond its case: the withdrawal's reason, the extension asked for, the action asked. */
function particulars(item: AgendaItem): string | undefined {
  switch (item.kind) {
    case 'closures':
      return item.pending?.condition && `Subject to ${item.pending.condition}`;
    case 'withdrawals':
      return item.pending && `${statusLabel[item.pending.withdrawal]}: ${item.pending.reason}`;
    case 'extensions':
      return item.pending && `From ${item.pending.currentTarget} to ${item.pending.requestedTarget}: ${item.pending.reason}`;
    case 'actions':
      return undefined;
  }
}

/**
 * One item of the meeting as the panel sees it: what kind of item, which, its case, and where it stands. The side
 * panel shows it beside the decision buttons; the stage shows it large, for everyone.
 */
export function AgendaItemView({ item, large, heading }: { item: AgendaItem; large?: boolean; heading: (text: string) => ReactNode }) {
  const styles = useStyles();
  const body = large ? 500 : 300;
  if (item.kind === 'actions') {
    const { action, raisedAt, dueAt, dueNow } = item.action;
    return (
      <div className={styles.item}>
        <Text size={large ? 400 : 200}>{kindNames.actions}</Text>
        {heading(`Asked of ${action.who}`)}
        <Text size={body}>{action.text}</Text>
        <Text size={large ? 400 : 200}>
          Raised at {raisedAt?.title ?? 'an earlier meeting'}; due at {dueAt?.title ?? 'a future meeting'}
        </Text>
        {dueNow && (
          <Badge appearance="filled" color="warning" size={large ? 'extra-large' : 'medium'}>
            Due now
          </Badge>
        )}
      </div>
    );
  }
  const said = particulars(item);
  return (
    <div className={styles.item}>
      <Text size={large ? 400 : 200}>{kindNames[item.kind]}</Text>
      {heading(`${item.reference} ${item.title}`)}
      {said && <Text size={body}>{said}</Text>}
      {item.kind === 'closures' && item.appendix && <ClosureCase item={item.appendix} reference={item.reference} large={large} />}
      {item.decided ? (
        <Badge appearance="filled" color="success" size={large ? 'extra-large' : 'large'}>
          {decisionLabel(item.decided.kind)}
        </Badge>
      ) : item.pending ? (
        <Badge appearance="filled" color="informative" size={large ? 'extra-large' : 'large'}>
          Before the panel
        </Badge>
      ) : (
        <Badge appearance="outline" color="subtle" size={large ? 'extra-large' : 'large'}>
          No longer before the panel
        </Badge>
      )}
      {item.decided?.detail && <Text size={body}>{item.decided.detail}</Text>}
    </div>
  );
}
