import { Body1, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { RecommendationDetail } from '../../application/ports';
import { delegatesOf, maxDelegates, sameEmail } from '../../domain';
import { DecisionMessage } from '../shared/decision-message';
import { delegateRole, PeoplePicker } from '../shared/people-picker';
import { useAsync } from '../shared/use-async';
import { useDecision } from '../shared/use-decision';
import { useSession } from '../shared/session-context';
import { useNameDelegate } from './data';

const useStyles = makeStyles({ section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '820px' } });

/**
 * The owner names a deputy to write updates while they are away. The delegate's updates are marked "by X on
 * behalf of Y"; only people in the directory can be named.
 */
export function DelegateField({ detail, onNamed }: { detail: RecommendationDetail; onNamed: () => void }) {
  const styles = useStyles();
  const { directory } = useSession();
  const [people] = useAsync(useCallback(() => directory.people(), [directory]));
  const name = useNameDelegate();
  const decision = useDecision(onNamed);
  const current = delegatesOf(detail.recommendation.value, detail.delegations);
  return (
    <section className={styles.section} aria-labelledby="delegates-title">
      <Subtitle1 as="h2" id="delegates-title">
        Delegates
      </Subtitle1>
      <Body1>
        A delegate can write this recommendation&rsquo;s updates for you, for example while you are away.{' '}
        {current.length > 0 ? `Delegates now: ${current.map((d) => d.name).join(', ')}. Ask the audit team to remove one.` : 'There is no delegate now.'}
      </Body1>
      <DecisionMessage message={decision.message} />
      {people.status === 'ready' && current.length < maxDelegates && (
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
