import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEnvironment } from './env-files';
import { jobContext } from './job-context';

describe('environment files', () => {
  it('reads exactly env/.env.<name> and its .user secrets, the secrets winning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    writeFileSync(join(dir, '.env.dev'), 'A=from-file\nB=kept\n# a comment\n');
    writeFileSync(join(dir, '.env.dev.user'), 'A=from-user\n');
    writeFileSync(join(dir, '.env.local'), 'C=other-environment\n');
    expect(readEnvironment('dev', dir)).toEqual({ A: 'from-user', B: 'kept' });
  });

  it('refuses a missing environment and a name that is a path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    expect(() => readEnvironment('prod', dir)).toThrow('There is no env/.env.prod');
    expect(() => readEnvironment('../secrets', dir)).toThrow('--env must be a name such as dev or local');
  });

  it("gives a job the environment's settings, the shell's winning, and names what the tenant still lacks", () => {
    expect(() => jobContext({ env: 'dev' }, { GRAPH_ACCESS_TOKEN: 'token' })).toThrow(/AUDIT_SITE_ID is required/);
    const context = jobContext({ env: 'dev' }, { GRAPH_ACCESS_TOKEN: 'token', AUDIT_SITE_ID: 'contoso.sharepoint.com,a,b', TAB_GRAPH_ORIGIN: 'https://graph.example' });
    expect(context.siteId).toBe('contoso.sharepoint.com,a,b');
    expect(context.env.TAB_AUTH_MODE).toBe('msal');
    expect(context.env.TAB_GRAPH_ORIGIN).toBe('https://graph.example');
  });
});
