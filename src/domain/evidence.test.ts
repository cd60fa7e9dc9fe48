import { describe, expect, it } from 'vitest';
import { evidenceKind, evidenceLabel, evidenceRefSchema } from './evidence';

describe('evidence of any kind', () => {
  it('reads evidence kept before kinds existed as the file or link it was', () => {
    const file = evidenceRefSchema.parse({ name: 'policy.pdf', url: 'https://x.example/policy.pdf', driveItemId: 'd1' });
    const link = evidenceRefSchema.parse({ name: 'page', url: 'https://x.example/page' });
    expect([evidenceKind(file), evidenceKind(link)]).toEqual(['file', 'link']);
  });

  it('needs a link for files and links, and only words for evidence described', () => {
    expect(evidenceRefSchema.safeParse({ kind: 'link', name: 'page' }).success).toBe(false);
    expect(evidenceRefSchema.safeParse({ kind: 'providedToPanel', name: 'the April paper' }).success).toBe(true);
    expect(evidenceRefSchema.safeParse({ kind: 'heldElsewhere', name: '   ' }).success).toBe(false);
  });

  it('labels each kind as the register words it', () => {
    const labels = (['heldElsewhere', 'verbal', 'providedToPanel', 'otherBody'] as const).map((kind) => evidenceLabel({ kind, name: 'X' }));
    expect(labels).toEqual(['Held elsewhere: X', 'Verbal update or presentation at X', 'Provided to the panel with X', 'Approved by X']);
  });
});
