import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AppendixItem } from '../../domain';
import { EvidenceItem } from '../shared/evidence-item';

const useStyles = makeStyles({
  closureCase: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'start', minWidth: '12rem' },
  evidence: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/**
 * What the panel judges a closure on: who owns it, the narrative as accepted, its evidence, and the item itself.
 * Large on the meeting's stage, which everyone reads from across a room or a shared screen.
 */
export function ClosureCase({ item, reference, onOpen, large }: { item: AppendixItem | undefined; reference: string; onOpen?: () => void; large?: boolean }) {
  const styles = useStyles();
  const proposal = item?.update;
  return (
    <div className={styles.closureCase}>
      <Text size={large ? 400 : 200}>{item?.recommendation.owners.map((o) => o.name).join(', ') || 'No owner'}</Text>
      <Text size={large ? 500 : 300}>{proposal?.closureNarrative || 'No narrative was given.'}</Text>
      {proposal && proposal.evidence.length > 0 && (
        <ul className={styles.evidence} aria-label={`Evidence for ${reference}`}>
          {proposal.evidence.map((e, i) => (
            <li key={`${e.name}-${i}`}>
              <Text size={large ? 400 : 300}>
                <EvidenceItem evidence={e} />
              </Text>
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
