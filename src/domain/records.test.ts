import { describe, expect, it } from 'vitest';
import { auditHeading, auditKey, auditSchema, compareAuditsOldestFirst, type Audit } from './audit';
import { addDays, daysBetween, endOfMonth, monthYearLabel } from './calendar';
import { cycleLabel } from './cycle';
import { fieldErrors, ownerUpdateSchema, type OwnerUpdate } from './owner-update';
import { personSchema } from './people';
import { effectiveStatus, isOwnedBy, recommendationSchema, type Recommendation } from './recommendation';
import { parseTargetDate } from './target-date';
import { parseOpinion } from './opinion';

const dana = { email: 'dana.owner@example.org', name: 'Dana Owner' };

const audit = (over: Partial<Audit>): Audit => ({
  id: 'a1',
  title: 'Fleet Management',
  issuedYear: 2021,
  issuedMonth: 11,
  auditor: 'Northgate Audit LLP',
  opinion: parseOpinion('SATISFACTORY ASSURANCE'),
  ...over,
});

const recommendation: Recommendation = {
  id: 'r1',
  auditId: 'a1',
  reference: '4.3.',
  referenceKey: '4.3',
  title: 'Performance reporting',
  priority: 'Medium',
  text: 'Produce performance information.',
  managementResponse: 'Agreed.',
  owners: [dana, { email: 'Sam.Second@Example.org', name: 'Sam Second' }],
  subParts: [{ label: 'a', text: 'Dashboard', owners: [dana], target: parseTargetDate('Aug 2025'), status: 'open' }],
  targets: { original: parseTargetDate('May 2022'), revisions: [] },
  status: 'open',
};

const update = (over: Partial<OwnerUpdate>): OwnerUpdate => ({
  id: 'u1',
  recommendationId: 'r1',
  cycle: 'April 2025',
  kind: 'ownerUpdate',
  author: dana,
  achieved: 'Dashboard built',
  remaining: '',
  barriers: '',
  mitigation: '',
  proposesClosure: false,
  closureNarrative: '',
  evidence: [],
  note: '',
  idempotencyKey: 'key-12345678',
  submittedAt: '2025-04-02T10:00:00Z',
  ...over,
});

describe('records', () => {
  it('validates people, folding email case', () => {
    expect(personSchema.parse({ email: ' Dana.Owner@Example.ORG ', name: 'Dana' }).email).toBe('dana.owner@example.org');
    expect(personSchema.safeParse({ email: 'not-an-email', name: 'x' }).success).toBe(false);
  });

  it('orders audits oldest first and heads them with their qualifier', () => {
    const list = [audit({ id: 'b', issuedYear: 2022, issuedMonth: 1 }), audit({ id: 'a' }), audit({ id: 'c', issuedYear: 2018, issuedMonth: 9 })];
    expect(list.sort(compareAuditsOldestFirst).map((a) => a.id)).toEqual(['c', 'a', 'b']);
    expect(auditHeading(audit({ qualifier: '(Revisit Audit)' }))).toBe('Fleet Management (Revisit Audit)');
    expect(auditHeading(audit({}))).toBe('Fleet Management');
    expect(auditSchema.safeParse(audit({ title: ' ' })).success).toBe(false);
  });

  it('checks a recommendation and who owns it', () => {
    const parsed = recommendationSchema.parse(recommendation);
    expect(parsed.owners.map((o) => o.email)).toEqual(['dana.owner@example.org', 'sam.second@example.org']);
    expect(parsed.targets).toEqual(recommendation.targets);
    expect(recommendationSchema.safeParse({ ...recommendation, referenceKey: '4.3.' }).success).toBe(false);
    expect(recommendationSchema.safeParse({ ...recommendation, priority: 'Urgent' }).success).toBe(false);
    expect(isOwnedBy(recommendation, 'sam.second@example.org')).toBe(true);
    expect(isOwnedBy(recommendation, 'someone@example.org')).toBe(false);
  });

  it('requires a narrative and evidence when an update proposes closure', () => {
    const result = ownerUpdateSchema.safeParse(update({ proposesClosure: true }));
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrors(result.error)).toEqual({
        closureNarrative: 'Explain how the recommendation has been met',
        evidence: 'Add at least one piece of evidence: a file, a link, or where it is',
      });
    }
    const complete = update({
      proposesClosure: true,
      closureNarrative: 'Signed off at board',
      evidence: [{ name: 'minutes.pdf', url: 'https://contoso.sharepoint.com/evidence/minutes.pdf' }],
    });
    expect(ownerUpdateSchema.safeParse(complete).success).toBe(true);
  });

  it('requires something achieved unless closing or re-dating, and a note from the coordinator', () => {
    expect(fieldErrors(ownerUpdateSchema.safeParse(update({ achieved: ' ' })).error!)).toEqual({
      achieved: 'Say what has been achieved this cycle',
    });
    const redate = update({
      achieved: '',
      targetRequest: { target: parseTargetDate('Aug 2025'), reason: 'Supplier delay' },
    });
    expect(ownerUpdateSchema.safeParse(redate).success).toBe(true);
    // A request with no date is kept (and flagged); one with no words at all is not a request.
    expect(ownerUpdateSchema.safeParse(update({ targetRequest: { target: parseTargetDate('TBC'), reason: 'x' } })).success).toBe(true);
    expect(ownerUpdateSchema.safeParse(update({ targetRequest: { target: parseTargetDate(''), reason: 'x' } })).success).toBe(false);
    const note = update({ kind: 'coordinatorNote', achieved: '', note: 'Lead unwell at the time of reporting', onBehalfOf: dana });
    expect(ownerUpdateSchema.safeParse(note).success).toBe(true);
    expect(fieldErrors(ownerUpdateSchema.safeParse({ ...note, note: '' }).error!)).toEqual({ note: 'Write the note' });
  });

  it('names cycles and does date arithmetic without time zones', () => {
    expect(cycleLabel('2025-04-14')).toBe('April 2025');
    expect(monthYearLabel('2024-12-01')).toBe('December 2024');
    expect(endOfMonth(2024, 2)).toBe('2024-02-29');
    expect(daysBetween('2025-03-30', '2025-04-02')).toBe(3);
    expect(addDays('2025-03-30', -31)).toBe('2025-02-27');
  });
});

describe('effective status', () => {
  const proposal = { kind: 'ownerUpdate', proposesClosure: true, submittedAt: '2025-04-02T10:00:00Z' } as const;
  it('is proposed closed when an owner proposed it since the last status change', () => {
    expect(effectiveStatus({ status: 'open' }, [proposal])).toBe('proposedClosed');
    expect(effectiveStatus({ status: 'returnedToOwner', statusChangedAt: '2025-04-01T00:00:00Z' }, [proposal])).toBe('proposedClosed');
  });
  it('ignores proposals already dealt with, coordinator notes and decided items', () => {
    expect(effectiveStatus({ status: 'returnedToOwner', statusChangedAt: '2025-04-03T00:00:00Z' }, [proposal])).toBe('returnedToOwner');
    expect(effectiveStatus({ status: 'open' }, [{ ...proposal, kind: 'coordinatorNote' }])).toBe('open');
    expect(effectiveStatus({ status: 'open' }, [{ ...proposal, proposesClosure: false }])).toBe('open');
    expect(effectiveStatus({ status: 'acceptedForPanel' }, [proposal])).toBe('acceptedForPanel');
  });
});

describe('audit key', () => {
  it('folds case, punctuation and spacing, and keeps the issue month', () => {
    const a = { title: 'Fleet  Management', qualifier: '(Revisit Audit)', issuedYear: 2021, issuedMonth: 11 };
    expect(auditKey(a)).toBe('fleet management revisit audit|2021-11');
    expect(auditKey({ ...a, title: 'FLEET MANAGEMENT' })).toBe(auditKey(a));
    expect(auditKey({ ...a, issuedMonth: 9 })).not.toBe(auditKey(a));
  });
});
