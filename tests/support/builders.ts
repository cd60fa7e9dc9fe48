import { parseOpinion, parseTargetDate, type Audit, type Meeting, type OwnerUpdate, type Person, type Recommendation } from '../../src/domain';
import { owner } from './emulator-harness';

/**
 * Records for tests, valid by default: a test names only what it is about. The reference key follows the
 * reference, as the schema requires.
 */
export const priya: Person = { email: owner, name: 'Priya Anand' };

export function anAudit(over: Partial<Omit<Audit, 'id'>> = {}): Omit<Audit, 'id'> {
  return {
    title: 'Fleet Management',
    issuedYear: 2021,
    issuedMonth: 11,
    auditor: 'Northgate Audit LLP',
    opinion: parseOpinion('SATISFACTORY ASSURANCE'),
    ...over,
  };
}

export function aRecommendation(auditId: string, reference: string, over: Partial<Omit<Recommendation, 'id'>> = {}): Omit<Recommendation, 'id'> {
  return {
    auditId,
    reference,
    referenceKey: reference.replace(/\.$/, ''),
    title: `Recommendation ${reference}`,
    priority: 'Medium',
    text: 'Do the thing',
    managementResponse: 'Agreed',
    owners: [priya],
    subParts: [],
    targets: { original: parseTargetDate('March 2025'), revisions: [] },
    status: 'open',
    ...over,
  };
}

let updates = 0;

/** An owner's update with a key of its own, so two made in one test are two submissions. */
export function anUpdate(recommendationId: string, over: Partial<Omit<OwnerUpdate, 'id'>> = {}): Omit<OwnerUpdate, 'id'> {
  return {
    recommendationId,
    cycle: 'April 2025',
    kind: 'ownerUpdate',
    author: priya,
    achieved: 'Procedure drafted',
    remaining: '',
    barriers: '',
    mitigation: '',
    proposesClosure: false,
    closureNarrative: '',
    evidence: [],
    note: '',
    idempotencyKey: `update-${++updates}-${Date.now()}`,
    submittedAt: '2025-04-02T10:00:00Z',
    ...over,
  };
}

export function aMeeting(over: Partial<Omit<Meeting, 'id'>> = {}): Omit<Meeting, 'id'> {
  return { title: 'Panel July 2025', date: '2025-07-15', updateDeadline: '2025-06-24', cycle: 'June 2025', ...over };
}
