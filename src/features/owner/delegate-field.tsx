import { Body1, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { RecommendationDetail } from '../../application/ports';
import { delegatesOf, isNamedDelegate, isOwnedBy, maxDelegates, sameEmail, type Person } from '../../domain';
import { DecisionMessage } from '../shared/decision-message';
import { FormDialog } from '../shared/form-dialog';
import { delegateRole, PeoplePicker } from '../shared/people-picker';
import { useAsync } from '../shared/use-async';
import { useDecision } from '../shared/use-decision';
import { useSession } from '../shared/session-context';
import { useEndDelegation, useNameDelegate } from './data';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '820px' },
  delegate: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/**
 * The owner names a deputy to write updates while they are away, and withdraws the naming on return; a delegate
 * can step down. The delegate's updates are marked "by X on behalf of Y"; only people in the directory can be
 * named. A delegate the audit team assigned is theirs to remove.
 */
export function DelegateField({ detail, onChanged }: { detail: RecommendationDetail; onChanged: () => void }) {
  const styles = useStyles();
  const { directory, user } = useSession();
  const [people] = useAsync(useCallback(() => directory.people(), [directory]));
  const name = useNameDelegate();
  const end = useEndDelegation();
  const decision = useDecision(onChanged);
  const item = detail.recommendation.value;
  const owner = isOwnedBy(item, user.email);
  const current = delegatesOf(item, detail.delegations);
  // An owner may end any naming; a delegate only their own.
  const endable = (d: Person) => isNamedDelegate(item, detail.delegations, d.email) && (owner || sameEmail(d.email, user.email));
  const ending = (d: Person) => {
    const self = sameEmail(d.email, user.email);
    return (
      <FormDialog
        size="small"
        disabled={decision.busy}
        trigger={self ? 'Step down' : `Remove ${d.name}`}
        title={self ? 'Stop writing updates here?' : `Remove ${d.name} as a delegate?`}
        confirm={self ? 'Step down' : 'Remove'}
        onConfirm={() => {
          decision.run(self ? 'You no longer write updates here' : `${d.name} no longer writes updates for you`, () => end(detail, d));
          return true;
        }}
      >
        <Body1>
          {self ? 'You' : d.name} will no longer be able to write this recommendation&rsquo;s updates. Updates already written stay on the record, under{' '}
          {self ? 'your' : 'their'} name.
        </Body1>
      </FormDialog>
    );
  };
  return (
    <section className={styles.section} aria-labelledby="delegates-title">
      <Subtitle1 as="h2" id="delegates-title">
        Delegates
      </Subtitle1>
      <Body1>
        {owner
          ? 'A delegate can write this recommendation’s updates for you, for example while you are away.'
          : `You write this recommendation’s updates on behalf of ${item.owners.map((o) => o.name).join(', ')}.`}{' '}
        {current.length === 0 && 'There is no delegate now.'}
      </Body1>
      {current.map((d) => (
        <div key={d.email} className={styles.delegate}>
          <Body1>
            {d.name}
            {isNamedDelegate(item, detail.delegations, d.email) ? '' : ' (assigned by the audit team, who can remove them)'}
          </Body1>
          {endable(d) && ending(d)}
        </div>
      ))}
      <DecisionMessage message={decision.message} />
      {owner && people.status === 'ready' && current.length < maxDelegates && (
        <PeoplePicker
          people={people.value.filter((p) => !current.some((c) => sameEmail(c.email, p.email)))}
          value={[]}
          role={{ ...delegateRole, label: 'Name a delegate', max: 1 }}
          onChange={([added]) => {
            if (added) decision.run(`${added.name} can now write updates for you`, () => name(detail, added));
          }}
        />
      )}
    </section>
  );
}
