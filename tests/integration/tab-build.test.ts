import { build } from 'vite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

describe('building the tab for an environment', () => {
  // Vitest copies env/.env.local into process.env, which a build would prefer over the environment's file.
  const inherited = Object.entries(process.env).filter(([key]) => key.startsWith('TAB_'));
  beforeEach(() => inherited.forEach(([key]) => delete process.env[key]));
  afterEach(() => inherited.forEach(([key, value]) => (process.env[key] = value)));

  it('refuses to build a tenant tab whose settings are missing, naming each one', async () => {
    // env/.env.dev is committed with the tenant's values left blank for the admin to fill in.
    const outcome = build({ mode: 'dev', logLevel: 'silent', build: { write: false } });
    await expect(outcome).rejects.toThrow(/TAB_CLIENT_ID[\s\S]*TAB_TENANT_ID[\s\S]*TAB_SITE_ID/);
  });
});
