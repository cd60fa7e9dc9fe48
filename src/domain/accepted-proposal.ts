import type { EvidenceRef } from './evidence';
import type { OwnerUpdate } from './owner-update';

const answers = ['achieved', 'remaining', 'barriers', 'mitigation', 'closureNarrative'] as const;
const sameEvidence = (a: readonly EvidenceRef[], b: readonly EvidenceRef[]): boolean =>
  a.length === b.length && a.every((e, i) => e.kind === b[i]?.kind && e.url === b[i]?.url && e.name === b[i]?.name && e.driveItemId === b[i]?.driveItemId);

/**
 * What became of a proposal after the coordinator accepted it. The accepted copy, frozen in the audit team's
 * trail, is what the panel decides on; the update itself stays the owner's to edit, so a change to it decides
 * nothing, and is shown for what it is.
 */
export function changeSinceAccepted(accepted: OwnerUpdate, updates: readonly OwnerUpdate[]): 'edited' | 'removed' | undefined {
  const now = updates.find((u) => u.id === accepted.id);
  if (!now) return 'removed';
  const same = answers.every((field) => now[field] === accepted[field]) && sameEvidence(now.evidence, accepted.evidence);
  return same ? undefined : 'edited';
}

export const changeSinceAcceptedLabel: Record<'edited' | 'removed', string> = {
  edited: 'The update was edited after acceptance: the panel sees the text as accepted',
  removed: 'The update was deleted after acceptance: the panel sees the text as accepted',
};
