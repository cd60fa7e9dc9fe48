import { describe, expect, it } from 'vitest';
import { evidenceRefSchema } from './evidence';
import { isSafeLink } from './safe-link';

describe('safe links', () => {
  it('keeps https links, and http only on this machine', () => {
    expect(isSafeLink('https://contoso.sharepoint.com/sites/audit/Shared%20Documents/p.pdf')).toBe(true);
    expect(isSafeLink('http://127.0.0.1:5001/AuditTrackerEvidence/p.pdf')).toBe(true);
    expect(isSafeLink('http://127.0.0.1.evil.example/p.pdf')).toBe(false);
    expect(isSafeLink('http://contoso.example/p.pdf')).toBe(false);
  });

  it.each(['file://server/share/p.pdf', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'ms-msdt:/id PCWDiagnostic', '\\\\server\\share\\p.pdf'])(
    'refuses %s in evidence, with a message',
    (url) => {
      const parsed = evidenceRefSchema.safeParse({ name: 'p', url });
      expect(parsed.success).toBe(false);
    },
  );
});
