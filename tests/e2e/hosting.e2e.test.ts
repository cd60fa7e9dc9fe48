import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

/** What the built tab must serve beside itself for Teams: the manifest's own pages, and who may frame it. */
describe('the built tab as a host serves it', () => {
  it("serves the privacy and terms pages the manifest's developer block names", async () => {
    const manifest = JSON.parse(readFileSync(join(root, 'appPackage/manifest.json'), 'utf8')) as { developer: { privacyUrl: string; termsOfUseUrl: string } };
    for (const [url, heading] of [
      [manifest.developer.privacyUrl, 'privacy'],
      [manifest.developer.termsOfUseUrl, 'terms of use'],
    ] as const) {
      const page = url.replace('${{TAB_ENDPOINT}}/', inject('appUrl'));
      const response = await fetch(page);
      expect(response.status, page).toBe(200);
      expect(await response.text()).toContain(`<h1>Audit Tracker: ${heading}</h1>`);
    }
  });

  it('ships the Static Web Apps headers that let Teams and Microsoft 365 frame the tab, and nobody else', async () => {
    const response = await fetch(`${inject('appUrl')}staticwebapp.config.json`);
    const config = (await response.json()) as { globalHeaders: Record<string, string> };
    const ancestors = config.globalHeaders['Content-Security-Policy']?.replace(/^frame-ancestors /, '').split(' ') ?? [];
    expect(ancestors).toEqual(
      expect.arrayContaining(["'self'", 'https://*.cloud.microsoft', 'https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://*.office.com']),
    );
    expect(ancestors).not.toContain('*');
  });
});
