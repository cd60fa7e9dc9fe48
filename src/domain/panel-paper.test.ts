import { describe, expect, it } from 'vitest';
import type { Audit } from './audit';
import type { Meeting } from './meeting';
import { parseOpinion } from './opinion';
import type { OwnerUpdate } from './owner-update';
import { bookmarkFor, compilePanelPaper } from './panel-paper';
import type { Recommendation } from './recommendation';
import { parseTargetDate } from './target-date';

const person = { email: 'o@example.org', name: 'Owner' };
const meeting: Meeting = { id: 'm', title: 'Panel July 2025', date: '2025-07-15', updateDeadline: '2025-06-24', cycle: 'June 2025' };
const audit = (id: string, title: string, year: number, month: number, qualifier?: string): Audit => ({
  id,
  title,
  qualifier,
  issuedYear: year,
  issuedMonth: month,
  auditor: 'Northgate',
  opinion: parseOpinion('LIMITED ASSURANCE'),
});
const audits = [audit('a2', 'Vetting', 2021, 2), audit('a1', 'Fleet', 2018, 9), audit('a3', 'Fleet', 2021, 11, '(Revisit Audit)')];

let n = 0;
function rec(auditId: string, reference: string, over: Partial<Recommendation> = {}): Recommendation {
  n++;
  return {
    id: `r${n}`,
    auditId,
    reference,
    referenceKey: reference.replace(/\.$/, ''),
    title: `Title ${reference}`,
    priority: 'Medium',
    text: '',
    managementResponse: '',
    owners: [person],
    subParts: [],
    targets: { original: parseTargetDate('December 2025'), revisions: [] },
    status: 'open',
    ...over,
  };
}
function update(recommendationId: string, cycle: string, over: Partial<OwnerUpdate> = {}): OwnerUpdate {
  return {
    id: `u-${recommendationId}-${cycle}`,
    recommendationId,
    cycle,
    kind: 'ownerUpdate',
    author: person,
    achieved: 'Progress made. More later.',
    remaining: '',
    barriers: '',
    mitigation: '',
    proposesClosure: false,
    closureNarrative: '',
    evidence: [],
    note: '',
    idempotencyKey: `k-${recommendationId}-${cycle}-${n}`,
    submittedAt: cycle === 'June 2025' ? '2025-06-20T10:00:00Z' : '2025-03-01T10:00:00Z',
    ...over,
  };
}
const revision = (text: string, reason: string, approvedOn = '2025-01-10') => ({
  target: parseTargetDate(text),
  reason,
  requestedBy: person,
  approvedBy: 'coordinator' as const,
  approvedOn,
});

describe('compiling the panel paper', () => {
  const fleetHigh = rec('a1', '4.2', {
    priority: 'High',
    status: 'acceptedForPanel',
    targets: { original: parseTargetDate('March 2019'), revisions: [revision('Q4 2024', 'Reliant upon supplier')] },
  });
  const fleetLow = rec('a1', '4.10', { priority: 'Low', targets: { original: parseTargetDate('March 2019'), revisions: [] } });
  const fleetClosed = rec('a1', '4.1', { priority: 'High', status: 'closed' });
  const vetting = rec('a2', '4.3.', { status: 'returnedToOwner', statusChangedAt: '2025-06-01T09:00:00Z', statusReason: 'Evidence is a draft' });
  const vettingUndated = rec('a2', '4.4', { targets: { original: parseTargetDate('TBC'), revisions: [] } });
  const revisit = rec('a3', '1.Multiple', { priority: 'Low', targets: { original: parseTargetDate('Aug 2025'), revisions: [] } });
  const withdrawn = rec('a3', '2.', { status: 'notAdopted' });
  const recommendations = [revisit, vetting, fleetLow, fleetHigh, fleetClosed, vettingUndated, withdrawn];
  const updates = [
    update(fleetLow.id, 'March 2025', { remaining: 'Roll out to depots. Then review.' }),
    update(fleetLow.id, 'June 2025', { achieved: 'Rolled out to two depots.' }),
    update(revisit.id, 'June 2025', { achieved: 'Waiting', targetRequest: { target: parseTargetDate('Dec 2025'), reason: 'Supplier slipped' } }),
  ];
  // The panel did not accept vetting 4.3 since the last meeting; its not accepting fleet 4.10 came before it.
  const panelDecisions = [
    { recommendationId: vetting.id, at: '2025-06-01T09:00:00Z', kind: 'panelNotAcceptClosure' },
    { recommendationId: fleetLow.id, at: '2025-03-01T09:00:00Z', kind: 'panelNotAcceptClosure' },
  ];
  const paper = compilePanelPaper({ meeting, previousMeetingDate: '2025-04-15', audits, recommendations, updates, panelDecisions });

  it('counts running recommendations by priority, with proposed closed and not accepted', () => {
    expect(paper.summary.rows).toEqual([
      { priority: 'High', totalReported: 1, running: 1, acceptedForPanel: 1, notAccepted: 0 },
      { priority: 'Medium', totalReported: 2, running: 2, acceptedForPanel: 0, notAccepted: 1 },
      { priority: 'Low', totalReported: 2, running: 2, acceptedForPanel: 0, notAccepted: 0 },
    ]);
    expect(paper.summary.total).toEqual({ totalReported: 5, running: 5, acceptedForPanel: 1, notAccepted: 1 });
  });

  it('lists the proposed closures with their audit title on every row', () => {
    expect(paper.acceptedForPanel).toEqual([{ recommendationId: fleetHigh.id, auditTitle: 'Fleet', priority: 'High', reference: '4.2', title: 'Title 4.2' }]);
  });

  it('lists every running item past its original target, with the reason or latest update as context', () => {
    expect(paper.exceededTargets.map((e) => [e.auditTitle, e.reference, e.originalTarget, e.currentTarget, e.context])).toEqual([
      ['Fleet', '4.2', 'March 2019', 'Q4 2024', 'Reliant upon supplier. Now proposed closed.'],
      ['Fleet', '4.10', 'March 2019', 'March 2019', 'Rolled out to two depots.'],
    ]);
  });

  it('does not list an undated item, a closed one or one still within its original date', () => {
    const ids = paper.exceededTargets.map((e) => e.recommendationId);
    expect(ids).not.toContain(vettingUndated.id);
    expect(ids).not.toContain(fleetClosed.id);
    expect(ids).not.toContain(revisit.id);
  });

  it('puts undecided extension requests of this cycle to the panel, saying whether the panel must decide', () => {
    expect(paper.extensionRequests).toEqual([
      {
        recommendationId: revisit.id,
        auditTitle: 'Fleet (Revisit Audit)',
        priority: 'Low',
        reference: '1.Multiple',
        title: 'Title 1.Multiple',
        currentTarget: 'Aug 2025',
        requestedTarget: 'Dec 2025',
        reason: 'Supplier slipped',
        needsPanel: false,
      },
    ]);
    const decided = compilePanelPaper({
      meeting,
      audits,
      updates,
      recommendations: recommendations.map((r) =>
        r.id === revisit.id ? { ...r, targets: { ...r.targets, revisions: [revision('Dec 2025', 'Supplier slipped', '2025-06-21')] } } : r,
      ),
    });
    expect(decided.extensionRequests).toEqual([]);
  });

  it('orders Appendix A audit by audit, oldest first, references in number order, with this cycle\u2019s update', () => {
    expect(paper.appendix.map((g) => [g.heading, g.items.map((i) => i.recommendation.reference)])).toEqual([
      ['Fleet – September 2018', ['4.2', '4.10']],
      ['Vetting – February 2021', ['4.3.', '4.4']],
      ['Fleet (Revisit Audit) – November 2021', ['1.Multiple']],
    ]);
    const fleetLowItem = paper.appendix[0]?.items[1];
    expect(fleetLowItem?.update?.achieved).toBe('Rolled out to two depots.');
    expect(fleetLowItem?.bookmark).toBe(bookmarkFor(fleetLow.id));
    expect(paper.appendix[1]?.items[1]?.update).toBeUndefined();
  });

  it('counts an owner proposal the coordinator has not yet reviewed as running, not as proposed closed', () => {
    const proposal = update(vettingUndated.id, 'June 2025', {
      proposesClosure: true,
      closureNarrative: 'Done',
      evidence: [{ name: 'e', url: 'https://x.example/e' }],
    });
    const withProposal = compilePanelPaper({ meeting, audits, recommendations, updates: [...updates, proposal] });
    expect(withProposal.summary.total.acceptedForPanel).toBe(1);
    expect(withProposal.summary.total.running).toBe(5);
  });
});
