import { auditHeading, auditIssuedLabel, type Audit } from './audit';
import type { Recommendation } from './recommendation';

/**
 * What a repeat or revisit recommendation says of its original, as the register and the paper print it:
 * "Repeat of 4.2, Fleet Management, September 2018". Undefined when it is not a repeat or the original is gone.
 */
export function repeatDescription(
  recommendation: Pick<Recommendation, 'repeatOf'>,
  recommendations: ReadonlyMap<string, Pick<Recommendation, 'reference' | 'auditId'>>,
  audits: ReadonlyMap<string, Audit>,
): string | undefined {
  const original = recommendation.repeatOf ? recommendations.get(recommendation.repeatOf) : undefined;
  if (!original) return undefined;
  const audit = audits.get(original.auditId);
  const issued = audit ? `, ${auditHeading(audit)}, ${auditIssuedLabel(audit)}` : '';
  return `Repeat of ${original.reference}${issued}`;
}
