import {
  addDays,
  cycleLabel,
  endOfMonth,
  isWithdrawal,
  monthNames,
  parseOpinion,
  parseTargetDate,
  type Audit,
  type IsoDate,
  type OwnerUpdate,
  type Person,
  type Priority,
  type Recommendation,
  type Status,
  type TargetHistory,
} from '../../domain';

/**
 * A fictional organisation's register, coherent with the domain rules and with today's date: about 20 audits
 * from 2018, about 120 recommendations across every status, three cycles of updates and the next panel meeting.
 * Deterministic for a given seed and date, so tests and screenshots are repeatable.
 */
export interface DemoOrganisation {
  audits: (Omit<Audit, 'id'> & { key: string })[];
  /** `repeatOfRef` names the original as "<audit key>#<reference>"; the seed links it once both are stored. */
  recommendations: (Omit<Recommendation, 'id' | 'auditId' | 'repeatOf'> & { auditKey: string; repeatOfRef?: string })[];
  /** `alsoApplyToRefs` makes an update a collective response, applied to those items as well. */
  updates: (Omit<OwnerUpdate, 'id' | 'recommendationId'> & { recommendationRef: string; evidenceFile?: string; alsoApplyToRefs?: string[] })[];
  meetings: { title: string; date: IsoDate; updateDeadline: IsoDate; cycle: string }[];
}

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const topics: [string, string[]][] = [
  ['Fleet Management', ['Sample check of service details', 'Performance indicators', 'Alignment of strategies and delivery plans', 'System user access']],
  ['Vetting', ['Performance reporting', 'Renewal tracking', 'Appeals turnaround', 'Change of circumstances']],
  ['Wellbeing', ['Review of policies and procedures', 'Review of thematic data', 'Occupational health referrals']],
  ['Workforce Planning', ['Key roles mapping', 'Succession planning', 'Establishment reconciliation']],
  ['Counter Fraud', ['Awareness of the anti-fraud strategy', 'Fraud risk register', 'Fraud training']],
  ['Core Financials', ['Audit trail', 'Supplier bank detail changes', 'Journal authorisation', 'Debt recovery']],
  ['Payroll', ['Starters and leavers', 'Overtime approval', 'Exception reporting']],
  ['Seized Property', ['Storage capacity', 'Disposal of property', 'Cash reconciliation']],
  ['Business Continuity', ['Plan testing', 'Critical supplier review', 'Training of plan owners']],
  ['Governance', ['Terms of reference', 'Decision log', 'Conflicts of interest register']],
  ['Data Quality', ['Crime recording audit', 'Data owner roles', 'Quality dashboard']],
  ['IT Asset Management', ['Asset register completeness', 'Disposal certificates', 'Software licences']],
  ['Procurement', ['Contract register', 'Waivers', 'Contract management training']],
  ['Estates Maintenance', ['Planned maintenance schedule', 'Statutory compliance checks', 'Contractor performance']],
  ['Cyber Security', ['Patch management', 'Privileged access review', 'Incident response exercise']],
  ['Health and Safety', ['Risk assessments', 'Accident reporting', 'Display screen equipment']],
  ['Firearms Licensing', ['Backlog management', 'Medical information', 'Home visits']],
  ['Overtime Management', ['Budget monitoring', 'Authorisation controls', 'Reporting to chief officers']],
  ['Risk Management', ['Risk appetite', 'Risk register reviews', 'Horizon scanning']],
  ['Partnerships', ['Partnership agreements', 'Funding monitoring', 'Outcome reporting']],
];

/** Titles any audit may add to its own, so no audit repeats a title. */
const commonTitles = ['Management information', 'Policy review cycle', 'Training records', 'Roles and responsibilities'];

const oldOpinions = ['SATISFACTORY ASSURANCE', 'LIMITED ASSURANCE', 'SUBSTANTIAL ASSURANCE', 'SATISFACTORY ASSURANCE'];
const newOpinions = ['MODERATE OPINION', 'LIMITED OPINION', 'SUBSTANTIAL OPINION'];

/** The n-th recommendation's reference in the index-th audit: every fifth audit numbers them "1.", the rest "4.1". */
const demoReference = (index: number, n: number): string => (index % 5 === 4 ? `${n + 1}.` : `4.${n + 1}`);

/** "3rd Qtr 2025-26": the quarter of the UK financial year (April to March) the date falls in, as the reference writes it. */
export const financialQuarterText = (date: IsoDate): string => {
  const [y = 0, m = 1] = date.split('-').map(Number);
  const start = m >= 4 ? y : y - 1;
  const quarter = Math.floor(((m + 8) % 12) / 3) + 1;
  return `${['1st', '2nd', '3rd', '4th'][quarter - 1] ?? ''} Qtr ${start}-${String((start + 1) % 100).padStart(2, '0')}`;
};

const requestReasons = [
  'The supplier has moved the go-live date',
  'Awaiting the outcome of the staffing review',
  'Depends on the new system, now due later in the year',
];

const monthText = (date: IsoDate): string => {
  const [y, m] = date.split('-').map(Number);
  return `${monthNames[(m ?? 1) - 1]} ${y}`;
};

/**
 * When a closed demo item was closed: around its original target, some weeks early to months late, so the
 * dashboard's on-time share is neither nothing nor everything; always before the last meeting, as the paper expects.
 */
function closedOn(originalDue: IsoDate, today: IsoDate, spread: number): IsoDate {
  const near = addDays(originalDue, (spread % 245) - 45);
  const lastMeeting = addDays(today, -100);
  return near < lastMeeting ? near : lastMeeting;
}

export function demoOrganisation(owners: Person[], coordinator: Person, today: IsoDate, seed = 2025): DemoOrganisation {
  if (owners.length === 0) throw new Error('The demo needs at least one owner in the directory');
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const [year] = today.split('-').map(Number) as [number];

  // Panel meetings each quarter: the three before today and the next one.
  const meetings: DemoOrganisation['meetings'] = [];
  for (let q = -3; q <= 0; q++) {
    const date = addDays(today, q * 91 + 35);
    const deadline = addDays(date, -21);
    meetings.push({ title: `Audit panel ${monthText(date)}`, date, updateDeadline: deadline, cycle: cycleLabel(deadline) });
  }
  // Updates for the last two meetings and the coming one: owners are reporting for it now.
  const cycles = meetings.slice(1);

  const audits: DemoOrganisation['audits'] = [];
  const recommendations: DemoOrganisation['recommendations'] = [];
  const updates: DemoOrganisation['updates'] = [];
  const auditKeys: string[] = [];
  topics.forEach(([title, recTitles], index) => {
    // Audits from eight years ago to last year, so the register looks the same whenever the demo is made.
    const issuedYear = year - 8 + Math.floor(index / 2.6);
    const issuedMonth = 1 + ((index * 5) % 12);
    const revisit = index % 7 === 6;
    const opinion = parseOpinion(pick(issuedYear >= year - 2 ? newOpinions : oldOpinions));
    const key = `${title}|${issuedYear}-${issuedMonth}`;
    auditKeys.push(key);
    // A revisit repeats the first recommendation of the audit six before it.
    const revisited = revisit ? auditKeys[index - 6] : undefined;
    audits.push({
      key,
      title,
      qualifier: revisit ? '(Revisit Audit)' : undefined,
      issuedYear,
      issuedMonth,
      auditor: issuedYear >= year - 2 ? 'Northgate Forvale LLP' : 'Northgate Audit LLP',
      opinion,
    });
    const titles = [...recTitles, ...commonTitles];
    const count = 5 + Math.floor(random() * 3);
    for (let n = 0; n < count; n++) {
      const recTitle = titles[n % titles.length] ?? `Recommendation ${n + 1}`;
      const reference = demoReference(index, n);
      const priority: Priority = pick(['High', 'Medium', 'Medium', 'Low', 'Low']);
      const originalDue = endOfMonth(issuedYear + Math.floor((issuedMonth + 3 + n) / 12), ((issuedMonth + 3 + n) % 12) + 1);
      const age = year - issuedYear;
      const roll = random();
      let status: Status = age >= 5 ? (roll < 0.75 ? 'closed' : 'open') : age >= 2 ? (roll < 0.45 ? 'closed' : 'open') : roll < 0.1 ? 'closed' : 'open';
      if (status === 'open') {
        const variant = random();
        if (variant < 0.06) status = 'notAdopted';
        else if (variant < 0.1) status = 'riskAccepted';
        else if (variant < 0.13) status = 'superseded';
        else if (variant < 0.2) status = 'acceptedForPanel';
        else if (variant < 0.25) status = 'returnedToOwner';
      }
      // One item in parts a and b, as the reference has them (lines 1559-1570): a done, b still open.
      const inParts = index === 2 && n === 1;
      // The newest audit's first two items share one response, as the reference's do (lines 1552-1570).
      const sharesResponse = index === topics.length - 1 && n < 2;
      if (inParts || sharesResponse) status = 'open';
      const picked = pick(owners);
      const owner = sharesResponse && n === 1 ? (recommendations.at(-1)?.owners[0] ?? picked) : picked;
      const second = random() < 0.15 ? pick(owners.filter((o) => o.email !== owner.email)) : undefined;
      const targets: TargetHistory = { original: parseTargetDate(monthText(originalDue)), revisions: [] };
      const running = status === 'open' || status === 'returnedToOwner' || status === 'acceptedForPanel';
      if (running && originalDue < today && random() < 0.6) {
        const newDue = addDays(today, Math.floor(random() * 240) - 60);
        const wording = random();
        // Revisions as the reference words them: a month, a quarter of the financial year, or a date still to be set.
        const text = wording < 0.5 ? monthText(newDue) : wording < 0.92 ? financialQuarterText(newDue) : 'TBC – final checks taking place';
        targets.revisions.push({
          target: parseTargetDate(text),
          reason: pick([
            'Reliant upon supplier delivery',
            'Lead changed role; new lead appointed',
            'Awaiting system upgrade',
            'Consultation with staff associations took longer',
          ]),
          requestedBy: owner,
          approvedBy: 'coordinator',
          approvedOn: addDays(today, -120),
        });
      }
      const ref = `${key}#${reference}`;
      recommendations.push({
        auditKey: key,
        reference,
        referenceKey: reference.replace(/\.$/, ''),
        title: recTitle,
        priority,
        text: `The organisation should strengthen controls over ${recTitle.toLowerCase()} and report progress to the relevant board.`,
        managementResponse: `Agreed. ${owner.name} will lead the work.`,
        owners: second ? [owner, second] : [owner],
        subParts: inParts
          ? [
              {
                label: 'a',
                text: 'Review and approve the protocol in line with its review timescale.',
                owners: [owners[0] ?? owner],
                target: parseTargetDate(monthText(addDays(today, -30))),
                status: 'done',
                doneOn: addDays(today, -20),
              },
              {
                label: 'b',
                text: 'Keep a review schedule with the last and next review dates and who approves each policy.',
                owners: [owners[1 % owners.length] ?? owner],
                target: parseTargetDate(monthText(addDays(today, 90))),
                status: 'open',
              },
            ]
          : [],
        repeatOfRef: revisited && n === 0 ? `${revisited}#${demoReference(index - 6, 0)}` : undefined,
        targets,
        status,
        // Some withdrawals came since the last meeting, so the next paper reports them for the panel to note.
        statusChangedAt:
          status === 'open'
            ? undefined
            : status === 'closed'
              ? `${closedOn(originalDue, today, index * 11 + n * 37)}T09:00:00Z`
              : `${addDays(today, isWithdrawal(status) && n % 2 === 1 ? -20 : -100)}T09:00:00Z`,
        statusReason:
          status === 'notAdopted'
            ? 'Superseded by the national programme'
            : status === 'riskAccepted'
              ? 'Cost outweighs the residual risk'
              : status === 'superseded'
                ? 'Replaced by the revisit audit recommendation'
                : status === 'returnedToOwner'
                  ? 'The evidence does not yet show the procedure in use'
                  : undefined,
      });
      if (!running) continue;
      // Updates for the last three cycles; some owners have not yet updated for the latest one.
      cycles.forEach((cycle, c) => {
        const latest = c === cycles.length - 1;
        if (latest && (sharesResponse ? n === 1 : random() < 0.35)) return;
        const proposes = latest && status === 'open' && random() < 0.3;
        // Some owners who cannot make their date ask for a new one, in their own words.
        const asks = latest && status === 'open' && !proposes && !inParts && random() < 0.2;
        const lateNote = !latest && random() < 0.05;
        updates.push({
          recommendationRef: ref,
          cycle: cycle.cycle,
          kind: lateNote ? 'coordinatorNote' : 'ownerUpdate',
          author: lateNote ? coordinator : owner,
          onBehalfOf: lateNote ? owner : undefined,
          achieved: lateNote
            ? ''
            : `Progress in ${cycle.cycle}: ${pick(['draft procedure prepared', 'working group met twice', 'data cleansed', 'training delivered to supervisors', 'supplier contract signed'])}.`,
          remaining: lateNote || proposes ? '' : pick(['Final sign-off at the next board.', 'Roll out to remaining teams.', 'Complete testing and go live.']),
          barriers: lateNote ? '' : pick(['None.', 'Staff capacity in the team.', 'Dependency on the IT change programme.']),
          mitigation: lateNote ? '' : pick(['Interim manual checks in place.', 'Monthly monitoring by the lead.', 'Existing procedure remains in force.']),
          proposesClosure: proposes,
          closureNarrative: proposes ? 'The procedure has been approved and published; compliance checks show it is in use.' : '',
          evidence: [],
          note: lateNote ? 'Lead unwell at the time of reporting' : '',
          targetRequest: asks
            ? { target: parseTargetDate(financialQuarterText(addDays(today, 150 + Math.floor(random() * 200)))), reason: pick(requestReasons) }
            : undefined,
          idempotencyKey: `demo-${ref}-${cycle.cycle}`,
          // The coming meeting's updates came in over the last fortnight; earlier ones just before their deadline.
          submittedAt: `${latest ? addDays(today, -2 - Math.floor(random() * 10)) : addDays(cycle.updateDeadline, -3)}T10:00:00Z`,
          evidenceFile: proposes ? `${recTitle} - evidence.txt` : undefined,
          alsoApplyToRefs: latest && sharesResponse ? [`${key}#${demoReference(index, 1)}`] : undefined,
        });
      });
    }
  });
  return { audits, recommendations, updates, meetings: meetings.map((m) => ({ ...m })) };
}
