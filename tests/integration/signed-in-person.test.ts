import { describe, expect, it } from 'vitest';
import { signedInPerson } from '../../src/adapters/graph/graph-directory';
import { loadMyRecommendations } from '../../src/application/owner/my-recommendations';
import { aRecommendation } from '../support/builders';
import { contextFor } from '../support/emulator-harness';
import { useProvisionedEmulator } from '../support/provisioned-emulator';

describe('the signed-in person', () => {
  const given = useProvisionedEmulator();

  it('is named by mail, as owners are stored, when the sign-in name (UPN) differs', async () => {
    // Grace signs in as gokafor@northmere.onmicrosoft.example; her mail is grace.hr@northmere.example.
    const grace = contextFor(given.emulator, 'gokafor@northmere.onmicrosoft.example');
    const person = await signedInPerson(grace.graph);
    expect(person).toEqual({ email: 'grace.hr@northmere.example', name: 'Grace Okafor' });
    await given.admin.store.createRecommendation(aRecommendation(given.auditId, '1', { owners: [person] }));
    const mine = await loadMyRecommendations(grace.store, person.email, '2025-05-20');
    expect(mine.items.map((i) => i.recommendation.value.reference)).toEqual(['1']);
  });
});
