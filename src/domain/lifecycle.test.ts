import { describe, expect, it } from 'vitest';
import {
  applyTransition,
  availableTransitions,
  IllegalTransitionError,
  isRunning,
  statuses,
  transitionNames,
  transitions,
  type Status,
  type TransitionRequest,
} from './lifecycle';

const coordinator = { role: 'coordinator', ownsItem: false } as const;
const owner = { role: 'owner', ownsItem: true } as const;
const otherOwner = { role: 'owner', ownsItem: false } as const;
const panel = { role: 'panel', ownsItem: false } as const;

function attempt(from: Status, request: TransitionRequest): Status | IllegalTransitionError {
  try {
    return applyTransition(from, request);
  } catch (error) {
    if (error instanceof IllegalTransitionError) return error;
    throw error;
  }
}

describe('the recommendation lifecycle', () => {
  it('takes an item from open to closed along the happy path', () => {
    let status: Status = 'open';
    status = applyTransition(status, { transition: 'proposeClosure', actor: owner, narrative: 'Done', evidenceCount: 1 });
    expect(status).toBe('proposedClosed');
    status = applyTransition(status, { transition: 'acceptForPanel', actor: coordinator });
    expect(status).toBe('acceptedForPanel');
    status = applyTransition(status, { transition: 'panelAgreeClosure', actor: coordinator });
    expect(status).toBe('closed');
  });

  it('returns a proposal to the owner with a comment, and the owner can propose again', () => {
    const returned = applyTransition('proposedClosed', { transition: 'returnToOwner', actor: coordinator, reason: 'Evidence is a draft' });
    expect(returned).toBe('returnedToOwner');
    expect(applyTransition(returned, { transition: 'proposeClosure', actor: owner, narrative: 'Signed off', evidenceCount: 2 })).toBe('proposedClosed');
  });

  it('sends a closure the panel did not accept back to open', () => {
    expect(applyTransition('acceptedForPanel', { transition: 'panelNotAcceptClosure', actor: coordinator, reason: 'Not embedded yet' })).toBe('open');
  });

  it.each(['markNotAdopted', 'markRiskAccepted', 'markSuperseded'] as const)('lets the coordinator %s with a reason', (transition) => {
    expect(applyTransition('open', { transition, actor: coordinator, reason: 'Decided at board' })).toBe(transitions[transition].to);
    expect(attempt('open', { transition, actor: coordinator, reason: ' ' })).toMatchObject({ problem: 'reason' });
  });

  it('requires a narrative and evidence to propose closure', () => {
    expect(attempt('open', { transition: 'proposeClosure', actor: owner, evidenceCount: 1 })).toMatchObject({ problem: 'narrative' });
    expect(attempt('open', { transition: 'proposeClosure', actor: owner, narrative: 'Done', evidenceCount: 0 })).toMatchObject({
      problem: 'evidence',
    });
  });

  it('refuses actors without the right', () => {
    const proposal = { transition: 'proposeClosure', narrative: 'Done', evidenceCount: 1 } as const;
    expect(attempt('open', { ...proposal, actor: otherOwner })).toMatchObject({ problem: 'actor' });
    expect(attempt('open', { ...proposal, actor: panel })).toMatchObject({ problem: 'actor' });
    expect(applyTransition('open', { ...proposal, actor: coordinator })).toBe('proposedClosed');
    expect(attempt('proposedClosed', { transition: 'acceptForPanel', actor: owner })).toMatchObject({ problem: 'actor' });
    expect(attempt('acceptedForPanel', { transition: 'panelAgreeClosure', actor: panel })).toMatchObject({ problem: 'actor' });
  });

  it('refuses every transition from a state it does not start from, with a message', () => {
    for (const from of statuses) {
      for (const transition of transitionNames) {
        if (transitions[transition].from.includes(from)) continue;
        const result = attempt(from, { transition, actor: coordinator, narrative: 'x', evidenceCount: 1, reason: 'x' });
        expect(result, `${transition} from ${from}`).toBeInstanceOf(IllegalTransitionError);
        expect((result as IllegalTransitionError).problem).toBe('state');
        expect((result as IllegalTransitionError).message).toMatch(/Cannot/);
      }
    }
  });

  it('makes a withdrawal a proposal the panel notes, into the withdrawal proposed', () => {
    expect(applyTransition('open', { transition: 'markRiskAccepted', actor: coordinator, reason: 'Cost' })).toBe('withdrawalProposed');
    expect(applyTransition('withdrawalProposed', { transition: 'panelNoteWithdrawal', actor: coordinator, withdrawal: 'riskAccepted' })).toBe('riskAccepted');
    expect(() => applyTransition('withdrawalProposed', { transition: 'panelNoteWithdrawal', actor: coordinator })).toThrow('No withdrawal was proposed');
    expect(applyTransition('withdrawalProposed', { transition: 'panelRejectWithdrawal', actor: coordinator, reason: 'Explore options' })).toBe('open');
    expect(isRunning('withdrawalProposed')).toBe(true);
  });

  it('never leaves a withdrawn item, and leaves a closed one only when an auditor reopens it', () => {
    for (const from of ['notAdopted', 'riskAccepted', 'superseded'] as const) {
      expect(availableTransitions(from, coordinator)).toEqual([]);
      expect(isRunning(from)).toBe(false);
    }
    expect(availableTransitions('closed', coordinator)).toEqual(['reopen']);
    expect(availableTransitions('closed', owner)).toEqual([]);
    expect(isRunning('closed')).toBe(false);
    expect(() => applyTransition('closed', { transition: 'reopen', actor: coordinator })).toThrow('Give a reason');
  });

  it('lists what each actor can do now', () => {
    expect(availableTransitions('open', owner)).toEqual(['proposeClosure']);
    expect(availableTransitions('open', otherOwner)).toEqual([]);
    expect(availableTransitions('open', panel)).toEqual([]);
    expect(availableTransitions('proposedClosed', coordinator)).toEqual([
      'acceptForPanel',
      'returnToOwner',
      'markNotAdopted',
      'markRiskAccepted',
      'markSuperseded',
    ]);
  });
});
