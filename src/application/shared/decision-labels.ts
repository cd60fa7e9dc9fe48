import type { TransitionName } from '../../domain';

/** What each decision is called in the audit trail and the timeline. */
export const decisionLabels: Record<
  | TransitionName
  | 'extensionGranted'
  | 'extensionRefused'
  | 'extensionApproved'
  | 'extensionRefusedByCoordinator'
  | 'targetRevised'
  | 'originalTargetCorrected'
  | 'note'
  | 'created'
  | 'edited'
  | 'imported'
  | 'auditRecorded'
  | 'meetingScheduled'
  | 'paperContextSet'
  | 'paperIssued'
  | 'teamsMeetingLinked'
  | 'auditorFollowUp'
  | 'panelNoted'
  | 'panelDecisionUndone'
  | 'decisionsClosed',
  string
> = {
  proposeClosure: 'Proposed closed',
  acceptForPanel: 'Closure accepted for the panel',
  returnToOwner: 'Closure returned to the owner',
  panelAgreeClosure: 'Closure agreed by the panel',
  panelNotAcceptClosure: 'Closure not accepted by the panel',
  panelAgreeSubjectTo: 'Closure agreed by the panel, subject to a condition',
  confirmCondition: "The panel's condition confirmed met",
  markNotAdopted: 'Proposed not adopted',
  markRiskAccepted: 'Proposed risk accepted',
  markSuperseded: 'Proposed superseded',
  panelNoteWithdrawal: 'Withdrawal noted by the panel',
  panelRejectWithdrawal: 'Withdrawal not accepted by the panel',
  reopen: 'Reopened after an auditor follow-up',
  importClosed: 'Closed before the import, as the register records',
  importWithdrawn: 'Withdrawn before the import, as the register records',
  auditorFollowUp: 'Auditor follow-up',
  panelNoted: 'Noted by the panel',
  extensionApproved: 'New target approved by the coordinator',
  extensionGranted: 'Extension granted by the panel',
  extensionRefused: 'Extension refused by the panel',
  extensionRefusedByCoordinator: 'New target refused by the coordinator',
  targetRevised: 'Target revised',
  originalTargetCorrected: 'Original target corrected',
  note: 'Note recorded',
  created: 'Recommendation created',
  edited: 'Recommendation edited',
  imported: 'Changed by an imported register',
  auditRecorded: 'Audit report recorded',
  meetingScheduled: 'Panel meeting set up',
  paperContextSet: "The paper's context worded by the audit team",
  paperIssued: 'Panel paper issued',
  teamsMeetingLinked: 'Held in a Teams meeting',
  panelDecisionUndone: "The panel's decision undone",
  decisionsClosed: "The meeting's decisions closed",
};

export const decisionLabel = (kind: string): string => (kind in decisionLabels ? decisionLabels[kind as keyof typeof decisionLabels] : kind);
