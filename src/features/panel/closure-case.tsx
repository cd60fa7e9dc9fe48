import { Body1, Caption1, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { AppendixItem } from '../../domain';
import { EvidenceItem } from '../shared/evidence-item';

const useStyles = makeStyles({
  closureCase: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'start', minWidth: '12rem' },
  evidence: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** What the panel judges a closure on: who owns it, the narrative as accepted, its evidence, and the item itself. */
export function ClosureCase({ item, reference, onOpen }: { item: AppendixItem | undefined; reference: string; onOpen?: () => void }) {
  const styles = useStyles();
  const proposal = item?.update;
  return (
    <div className={styles.closureCase}>
      <Caption1>{item?.recommendation.owners.map((o) => o.name).join(', ') || 'No owner'}</Caption1>
      <Body1>{proposal?.closureNarrative || 'No narrative was given.'}</Body1>
      {proposal && proposal.evidence.length > 0 && (
        <ul className={styles.evidence} aria-label={`Evidence for ${reference}`}>
          {proposal.evidence.map((e, i) => (
            <li key={`${e.name}-${i}`}>
              <EvidenceItem evidence={e} />
            </li>
          ))}
        </ul>
      )}
      {onOpen && (
        <Link as="button" onClick={onOpen}>
          Open {reference}
        </Link>
      )}
    </div>
  );
}
