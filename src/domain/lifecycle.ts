import type { Role } from './people';
import { openPartsMessage } from './recommendation-parts';

/**
 * The recommendation lifecycle as an explicit state machine. Each transition names who may perform it and
 * what it needs; anything else is an IllegalTransitionError, never a silent no-op.
 */
export const statuses = [
  'open',
  'proposedClosed',
  'returnedToOwner',
  'acceptedForPanel',
  'withdrawalProposed',
  'conditionallyAgreed',
  'closed',
  'notAdopted',
  'riskAccepted',
  'superseded',
] as const;
export type Status = (typeof statuses)[number];

export const statusLabel: Record<Status, string> = {
  open: 'Open',
  proposedClosed: 'Proposed closed',
  returnedToOwner: 'Returned to owner',
  acceptedForPanel: 'Accepted for panel',
  withdrawalProposed: 'Withdrawal proposed',
  conditionallyAgreed: 'Agreed subject to a condition',
  closed: 'Closed',
  notAdopted: 'Not adopted',
  riskAccepted: 'Risk accepted',
  superseded: 'Superseded',
};

/** With the owner to act on: open, or returned by the coordinator. Owners update and propose closure only here. */
export const workableStatuses: readonly Status[] = ['open', 'returnedToOwner'];
export const isWorkable = (status: Status): boolean => workableStatuses.includes(status);

/** Still being worked on by the owner: counts as running, can be chased and can become late. */
export const isRunning = (status: Status): boolean =>
  status === 'open' ||
  status === 'returnedToOwner' ||
  status === 'proposedClosed' ||
  status === 'acceptedForPanel' ||
  status === 'withdrawalProposed' ||
  status === 'conditionallyAgreed';

/** The ways an item leaves without being implemented: the coordinator proposes one, the panel notes it. */
export const withdrawals = ['notAdopted', 'riskAccepted', 'superseded'] as const satisfies readonly Status[];
export type Withdrawal = (typeof withdrawals)[number];

/** Whether the status is one of the withdrawals: not adopted, risk accepted or superseded. */
export const isWithdrawal = (status: Status): status is Withdrawal => (withdrawals as readonly Status[]).includes(status);

export const transitionNames = [
  'proposeClosure',
  'acceptForPanel',
  'returnToOwner',
  'panelAgreeClosure',
  'panelNotAcceptClosure',
  'panelAgreeSubjectTo',
  'confirmCondition',
  'markNotAdopted',
  'markRiskAccepted',
  'markSuperseded',
  'panelNoteWithdrawal',
  'panelRejectWithdrawal',
  'reopen',
  'importClosed',
  'importWithdrawn',
] as const;
export type TransitionName = (typeof transitionNames)[number];

interface TransitionRule {
  from: readonly Status[];
  to: Status;
  /** Roles that may perform it. Panel decisions are recorded by the coordinator on the panel's behalf. */
  by: readonly Role[];
  /** The owner of the item may perform it even without the role (owners propose their own closures). */
  byItemOwner?: boolean;
  needs: readonly ('narrative' | 'evidence' | 'reason')[];
  description: string;
}

const beforeDecision: readonly Status[] = ['open', 'returnedToOwner', 'proposedClosed', 'acceptedForPanel'];

export const transitions: Record<TransitionName, TransitionRule> = {
  proposeClosure: {
    from: workableStatuses,
    to: 'proposedClosed',
    by: ['coordinator'],
    byItemOwner: true,
    needs: ['narrative', 'evidence'],
    description: 'The owner proposes closure with a narrative and evidence',
  },
  acceptForPanel: {
    from: ['proposedClosed'],
    to: 'acceptedForPanel',
    by: ['coordinator'],
    needs: [],
    description: 'The coordinator puts the proposed closure to the panel',
  },
  returnToOwner: {
    from: ['proposedClosed'],
    to: 'returnedToOwner',
    by: ['coordinator'],
    needs: ['reason'],
    description: 'The coordinator returns the proposal to the owner with a comment',
  },
  panelAgreeClosure: {
    from: ['acceptedForPanel'],
    to: 'closed',
    by: ['coordinator'],
    needs: [],
    description: 'The panel agreed the closure',
  },
  panelNotAcceptClosure: {
    from: ['acceptedForPanel'],
    to: 'open',
    by: ['coordinator'],
    needs: ['reason'],
    description: 'The panel did not accept the closure; the item is open again',
  },
  // Withdrawals are proposed by the coordinator and reported to the panel, which notes them: none just vanishes.
  panelAgreeSubjectTo: {
    from: ['acceptedForPanel'],
    to: 'conditionallyAgreed',
    by: ['coordinator'],
    needs: ['reason'],
    description: 'The panel agreed the closure subject to a condition; the item stays open until it is confirmed',
  },
  confirmCondition: {
    from: ['conditionallyAgreed'],
    to: 'closed',
    by: ['coordinator'],
    needs: ['reason'],
    description: 'The condition the panel set is confirmed met, so the item is closed',
  },
  markNotAdopted: {
    from: beforeDecision,
    to: 'withdrawalProposed',
    by: ['coordinator'],
    needs: ['reason'],
    description: 'The coordinator proposes the recommendation is not adopted',
  },
  markRiskAccepted: {
    from: beforeDecision,
    to: 'withdrawalProposed',
    by: ['coordinator'],
    needs: ['reason'],
    description: 'The coordinator proposes management accepts the risk instead of implementing',
  },
  markSuperseded: {
    from: beforeDecision,
    to: 'withdrawalProposed',
    by: ['coordinator'],
    needs: ['reason'],
    description: 'The coordinator proposes a later recommendation supersedes this one',
  },
  panelNoteWithdrawal: {
    from: ['withdrawalProposed'],
    // The withdrawal proposed: not adopted, risk accepted or superseded (see applyTransition).
    to: 'withdrawalProposed',
    by: ['coordinator'],
    needs: [],
    description: 'The panel noted the withdrawal',
  },
  panelRejectWithdrawal: {
    from: ['withdrawalProposed'],
    to: 'open',
    by: ['coordinator'],
    needs: ['reason'],
    description: 'The panel did not accept the withdrawal; the item is open again',
  },
  // A migrated register's history: decided before the tracker existed, recorded as the register has it, with its file and row.
  importClosed: {
    from: ['open'],
    to: 'closed',
    by: ['coordinator'],
    needs: ['reason'],
    description: 'The imported register records the recommendation closed before the import',
  },
  importWithdrawn: {
    from: ['open'],
    // The withdrawal the register records: not adopted, risk accepted or superseded (see applyTransition).
    to: 'notAdopted',
    by: ['coordinator'],
    needs: ['reason'],
    description: 'The imported register records the recommendation withdrawn before the import',
  },
  reopen: {
    from: ['closed'],
    to: 'open',
    by: ['coordinator'],
    needs: ['reason'],
    description: 'An auditor follow-up found the closed recommendation not implemented, so it is open again',
  },
};

export class IllegalTransitionError extends Error {
  constructor(
    readonly transition: TransitionName,
    readonly from: Status,
    readonly problem: 'state' | 'actor' | 'narrative' | 'evidence' | 'reason' | 'parts',
    message: string,
  ) {
    super(message);
    this.name = 'IllegalTransitionError';
  }
}

/** Which withdrawal each of the coordinator's withdrawal steps proposes. */
export const withdrawalProposedBy: Partial<Record<TransitionName, Withdrawal>> = {
  markNotAdopted: 'notAdopted',
  markRiskAccepted: 'riskAccepted',
  markSuperseded: 'superseded',
};

export interface TransitionRequest {
  transition: TransitionName;
  actor: { role: Role; ownsItem: boolean };
  /** The withdrawal the item was proposed for, which the panel's noting makes final. */
  withdrawal?: Withdrawal;
  narrative?: string;
  evidenceCount?: number;
  reason?: string;
  /** The item's parts still open: it can be proposed closed or go to the panel only when every part is done. */
  openParts?: readonly { label: string }[];
}

/** Steps that move a whole item towards closure, which wait for every part. */
const needsEveryPart: readonly TransitionName[] = ['proposeClosure', 'acceptForPanel'];

const present = (text: string | undefined): boolean => (text ?? '').trim().length > 0;

/** The status after the transition, or IllegalTransitionError saying exactly why not. */
export function applyTransition(from: Status, request: TransitionRequest): Status {
  const { transition, actor } = request;
  const rule = transitions[transition];
  const fail = (problem: IllegalTransitionError['problem'], message: string): never => {
    throw new IllegalTransitionError(transition, from, problem, message);
  };
  if (!rule.from.includes(from)) {
    fail('state', `Cannot ${rule.description.toLowerCase()}: the item is ${statusLabel[from].toLowerCase()}`);
  }
  if (!rule.by.includes(actor.role) && !(rule.byItemOwner && actor.ownsItem)) {
    fail('actor', `A ${actor.role} who does not own this item cannot do this: ${rule.description.toLowerCase()}`);
  }
  if (rule.needs.includes('narrative') && !present(request.narrative)) {
    fail('narrative', 'Explain how the recommendation has been met');
  }
  if (rule.needs.includes('evidence') && (request.evidenceCount ?? 0) < 1) {
    fail('evidence', 'Add at least one piece of evidence: a file, a link, or where it is');
  }
  if (rule.needs.includes('reason') && !present(request.reason)) {
    fail('reason', 'Give a reason');
  }
  if (needsEveryPart.includes(transition) && request.openParts?.length) {
    fail('parts', openPartsMessage(request.openParts));
  }
  if (transition === 'panelNoteWithdrawal') return request.withdrawal ?? fail('state', 'No withdrawal was proposed for this item');
  if (transition === 'importWithdrawn') return request.withdrawal ?? rule.to;
  return rule.to;
}

/** Transitions the actor could perform now, for showing only the buttons that will work. */
export function availableTransitions(from: Status, actor: TransitionRequest['actor']): TransitionName[] {
  return transitionNames.filter((name) => {
    const rule = transitions[name];
    return rule.from.includes(from) && (rule.by.includes(actor.role) || (rule.byItemOwner === true && actor.ownsItem));
  });
}
