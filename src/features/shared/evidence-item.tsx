import { Link } from '@fluentui/react-components';
import { evidenceLabel, type EvidenceRef } from '../../domain';

/** One piece of evidence as people read it: a link to the file or page, or the words that describe it. */
export function EvidenceItem({ evidence }: { evidence: EvidenceRef }) {
  const label = evidenceLabel(evidence);
  return evidence.url ? (
    <Link href={evidence.url} target="_blank" rel="noreferrer">
      {label}
    </Link>
  ) : (
    <span>{label}</span>
  );
}
