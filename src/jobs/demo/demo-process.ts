import { addDays, parseTargetDate, type AuditorFollowUp, type IsoDate, type Person } from '../../domain';
import { demoOrganisation, financialQuarterText, type DemoOrganisation } from './demo-organisation';

/**
 * What happened in the demo's year besides owners' updates, replayed by the seed through the app's own
 * application code, as the coordinator records it: closures she accepted for the panel, the paper she issued,
 * the panel's decisions and actions at its last meeting, an auditor's follow-up, a closure she put forward herself, and a delegate.
 */
export type DemoEvent =
  | { kind: 'accept'; recommendationRef: string; at: string }
  | { kind: 'panelAgree'; recommendationRef: string; meeting: number; at: string }
  | { kind: 'panelNotAccept'; recommendationRef: string; meeting: number; at: string; reason: string }
  | { kind: 'followUp'; recommendationRef: string; at: string; followUp: AuditorFollowUp; cycle: string }
  | { kind: 'action'; meeting: number; dueMeeting: number; at: string; text: string; who: string; key: string }
  /** The coordinator issues a meeting's paper, and after the meeting closes its decisions. */
  | { kind: 'issuePaper'; meeting: number; at: string }
  | { kind: 'closeDecisions'; meeting: number; at: string };

export interface DemoProcess {
  events: DemoEvent[];
  /** Owners' namings of a deputy, each written before the deputy's first update. */
  delegations: { recommendationRef: string; owner: Person; delegate: Person; at: string }[];
}

type Update = DemoOrganisation['updates'][number];

const at = (date: IsoDate, time = '09:00:00'): string => `${date}T${time}Z`;
const refOf = (r: DemoOrganisation['recommendations'][number]): string => `${r.auditKey}#${r.reference}`;

/**
 * Turns part of the organisation's register into the process that led there. Mutates `demo` where the story
 * needs it (an accepted item's update proposes closure; a decided item stops updating) and returns the events.
 */
export function demoProcess(demo: DemoOrganisation, owners: Person[], coordinator: Person, today: IsoDate): DemoProcess {
  const events: DemoEvent[] = [];
  const delegations: DemoProcess['delegations'] = [];
  const [, previousCycle, nextCycle] = demo.meetings.slice(1).map((m) => m.cycle);
  const previous = demo.meetings.length - 2;
  const previousMeeting = demo.meetings[previous];
  if (!previousCycle || !nextCycle || !previousMeeting) return { events, delegations };
  const updatesOf = (ref: string) => demo.updates.filter((u) => u.recommendationRef === ref);
  const updateIn = (ref: string, cycle: string): Update | undefined => updatesOf(ref).find((u) => u.cycle === cycle && u.kind === 'ownerUpdate');
  const propose = (u: Update, title: string): void => {
    Object.assign(u, {
      proposesClosure: true,
      remaining: '',
      targetRequest: undefined,
      closureNarrative: 'The procedure has been approved and published; compliance checks show it is in use.',
      evidenceFile: `${title} - evidence.txt`,
    });
  };

  // Items the register shows accepted for the panel got there as the process does: proposed, then accepted.
  for (const r of demo.recommendations.filter((x) => x.status === 'acceptedForPanel')) {
    const ref = refOf(r);
    const earlier = updateIn(ref, previousCycle);
    const latest =
      updateIn(ref, nextCycle) ??
      (earlier && { ...earlier, cycle: nextCycle, idempotencyKey: `demo-${ref}-${nextCycle}`, submittedAt: at(addDays(today, -5), '10:00:00') });
    // Nothing to accept without a proposal: such an item is simply open, its update still to come.
    r.status = 'open';
    r.statusChangedAt = undefined;
    if (!latest) continue;
    if (!demo.updates.includes(latest)) demo.updates.push(latest);
    propose(latest, r.title);
    events.push({ kind: 'accept', recommendationRef: ref, at: at(addDays(today, -1)) });
  }

  // Open items with an update at the last meeting, none in parts or sharing a response: the rest of the story.
  const candidates = demo.recommendations.filter(
    (r) => r.status === 'open' && r.subParts.length === 0 && updateIn(refOf(r), previousCycle) && !updatesOf(refOf(r)).some((u) => u.alsoApplyToRefs),
  );
  const [agreedA, agreedB, notAccepted, followedUp, byCoordinator, delegated] = candidates.filter((_, i) => i % 4 === 1);
  const decidedAt = at(previousMeeting.date, '14:00:00');
  events.push(
    { kind: 'issuePaper', meeting: previous, at: at(addDays(previousMeeting.date, -6)) },
    { kind: 'closeDecisions', meeting: previous, at: at(addDays(previousMeeting.date, 2)) },
  );
  for (const r of [agreedA, agreedB, notAccepted]) {
    if (!r) continue;
    const ref = refOf(r);
    const proposal = updateIn(ref, previousCycle);
    if (proposal) propose(proposal, r.title);
    // A decided item does not report again: its next update would answer the panel, not the old plan.
    demo.updates = demo.updates.filter((u) => !(u.recommendationRef === ref && u.cycle === nextCycle));
    events.push({ kind: 'accept', recommendationRef: ref, at: at(addDays(previousMeeting.date, -7)) });
    events.push(
      r === notAccepted
        ? {
            kind: 'panelNotAccept',
            recommendationRef: ref,
            meeting: previous,
            at: decidedAt,
            reason: 'The panel asked for evidence that the new procedure is in use across all teams',
          }
        : { kind: 'panelAgree', recommendationRef: ref, meeting: previous, at: decidedAt },
    );
  }
  if (followedUp) {
    const ref = refOf(followedUp);
    events.push({
      kind: 'followUp',
      recommendationRef: ref,
      at: at(addDays(today, -20)),
      followUp: { auditor: 'Northgate Audit LLP', date: addDays(today, -21), verdict: 'implemented', note: 'Revisit found the control operating' },
      cycle: nextCycle,
    });
    events.push({ kind: 'accept', recommendationRef: ref, at: at(addDays(today, -1), '10:00:00') });
  }
  if (byCoordinator) {
    const ref = refOf(byCoordinator);
    const owner = byCoordinator.owners[0] ?? coordinator;
    demo.updates.push({
      recommendationRef: ref,
      cycle: nextCycle,
      kind: 'coordinatorUpdate',
      author: coordinator,
      onBehalfOf: owner,
      achieved: 'The lead will present the completed work to the panel.',
      remaining: '',
      barriers: '',
      mitigation: '',
      proposesClosure: true,
      closureNarrative: `${owner.name} will give a verbal update at the meeting; the audit team has seen the completed work.`,
      evidence: [{ kind: 'verbal', name: demo.meetings.at(-1)?.title ?? 'the panel meeting' }],
      note: '',
      idempotencyKey: `demo-${ref}-${nextCycle}-by-coordinator`,
      submittedAt: at(addDays(today, -3)),
    });
    events.push({ kind: 'accept', recommendationRef: ref, at: at(addDays(today, -1), '11:00:00') });
  }
  const latestByDelegate = delegated && updateIn(refOf(delegated), nextCycle);
  const owner = delegated?.owners[0];
  const delegate = owners.find((p) => delegated && !delegated.owners.some((o) => o.email === p.email));
  if (delegated && latestByDelegate && owner && delegate) {
    delegations.push({ recommendationRef: refOf(delegated), owner, delegate, at: at(addDays(today, -30)) });
    Object.assign(latestByDelegate, { author: delegate, onBehalfOf: owner });
  }
  // Every owner still has updates to write for the coming meeting, so each one's view shows that path.
  const story = new Set(events.map((e) => ('recommendationRef' in e ? e.recommendationRef : '')));
  for (const person of owners) {
    const mine = demo.recommendations.filter((r) => r.status === 'open' && r.subParts.length === 0 && r.owners[0]?.email === person.email);
    // An item the panel sent back shows "Action needed" rather than "Update due": it does not count here.
    const due = (r: (typeof mine)[number]) => !story.has(refOf(r)) && !updatesOf(refOf(r)).some((u) => u.cycle === nextCycle);
    const spares = mine.filter((r) => !due(r) && !story.has(refOf(r)) && !updatesOf(refOf(r)).some((u) => u.alsoApplyToRefs));
    for (const spare of spares.slice(0, Math.max(0, 2 - mine.filter(due).length)))
      demo.updates = demo.updates.filter((u) => !(u.recommendationRef === refOf(spare) && u.cycle === nextCycle));
  }
  // The coming paper has extension requests for the panel to decide, however the draw fell: owners ask in their own words.
  const askable = demo.updates.filter((u) => {
    const item = demo.recommendations.find((r) => refOf(r) === u.recommendationRef);
    return u.cycle === nextCycle && u.kind === 'ownerUpdate' && !u.proposesClosure && !story.has(u.recommendationRef) && item?.subParts.length === 0;
  });
  const asking = askable.filter((u) => u.targetRequest).length;
  for (const u of askable.filter((x) => !x.targetRequest).slice(0, Math.max(0, 2 - asking))) {
    u.targetRequest = { target: parseTargetDate(financialQuarterText(addDays(today, 240))), reason: 'The supplier has moved the go-live date' };
  }
  events.push({
    kind: 'action',
    meeting: previous,
    dueMeeting: demo.meetings.length - 1,
    at: at(previousMeeting.date, '15:00:00'),
    text: 'Provide a table of the high priority recommendations past their original target, with the reason for each',
    who: coordinator.name,
    key: 'demo-action-overdue-table',
  });
  return { events: events.sort((a, b) => a.at.localeCompare(b.at)), delegations };
}

/** The demo organisation with its year of process: what the seed writes, and what tests expect of it. */
export function demoYear(owners: Person[], coordinator: Person, today: IsoDate): { demo: DemoOrganisation; process: DemoProcess } {
  const demo = demoOrganisation(owners, coordinator, today);
  return { demo, process: demoProcess(demo, owners, coordinator, today) };
}
