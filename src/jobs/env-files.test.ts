import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeviceCodeSignIn } from '../adapters/auth/device-code-sign-in';
import { StaticTokenProvider } from '../adapters/auth/static-token-provider';
import { environmentFor, readEnvironment } from './env-files';
import { jobContext } from './job-context';

describe('environment files', () => {
  it('reads exactly env/.env.<name> and its .user secrets, the secrets winning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    writeFileSync(join(dir, '.env.dev'), 'A=from-file\nB=kept\n# a comment\n');
    writeFileSync(join(dir, '.env.dev.user'), 'A=from-user\n');
    writeFileSync(join(dir, '.env.local'), 'C=other-environment\n');
    expect(readEnvironment('dev', dir)).toEqual({ A: 'from-user', B: 'kept' });
  });

  it("lets the shell win over the files, as the Toolkit's steps need: a fresh id is in the shell before the file", () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    writeFileSync(join(dir, '.env.dev'), 'TEAMS_APP_ID=\nAAD_APP_CLIENT_ID=stale-id\nTAB_DOMAIN=audit.example\n');
    expect(environmentFor('dev', { TEAMS_APP_ID: 'fresh-teams-id', AAD_APP_CLIENT_ID: 'fresh-client-id' }, dir)).toMatchObject({
      TEAMS_APP_ID: 'fresh-teams-id',
      AAD_APP_CLIENT_ID: 'fresh-client-id',
      TAB_DOMAIN: 'audit.example',
    });
  });

  it('refuses a missing environment and a name that is a path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    expect(() => readEnvironment('prod', dir)).toThrow('There is no env/.env.prod');
    expect(() => readEnvironment('../secrets', dir)).toThrow('--env must be a name such as dev or local');
  });

  it("gives a job the environment's settings, the shell's winning, and names what the tenant still lacks", () => {
    expect(() => jobContext({ env: 'dev' }, { GRAPH_ACCESS_TOKEN: 'token' })).toThrow(/AUDIT_SITE_ID is required/);
    const context = jobContext(
      { env: 'dev' },
      { GRAPH_ACCESS_TOKEN: 'token', AUDIT_SITE_ID: 'contoso.sharepoint.com,a,b', TAB_GRAPH_ORIGIN: 'https://graph.example' },
    );
    expect(context.siteId).toBe('contoso.sharepoint.com,a,b');
    expect(context.env.TAB_AUTH_MODE).toBe('msal');
    expect(context.env.TAB_GRAPH_ORIGIN).toBe('https://graph.example');
  });

  it('signs a person in with a device code unless a token is handed in, and names what that sign-in lacks', () => {
    const site = { AUDIT_SITE_ID: 'contoso.sharepoint.com,a,b' };
    expect(() => jobContext({ env: 'dev' }, site)).toThrow(/AAD_APP_CLIENT_ID is required to sign in[^\n]*\n- AAD_APP_TENANT_ID is required to sign in/);
    expect(() => jobContext({ env: 'dev' }, { ...site, AAD_APP_CLIENT_ID: 'my-app', AAD_APP_TENANT_ID: '8e2d4c6a-1b3f-4a5e-8c7d-9f0e1a2b3c4d' })).toThrow(
      /AAD_APP_CLIENT_ID is required to sign in, as a GUID/,
    );
    const ids = { AAD_APP_CLIENT_ID: '5a7e9c1d-3b2f-4e6a-9c8d-7f1e2a3b4c5d', AAD_APP_TENANT_ID: '8e2d4c6a-1b3f-4a5e-8c7d-9f0e1a2b3c4d' };
    expect(jobContext({ env: 'dev' }, { ...site, ...ids }).graph.tokens).toBeInstanceOf(DeviceCodeSignIn);
    expect(jobContext({ env: 'dev' }, { ...site, GRAPH_ACCESS_TOKEN: 'token' }).graph.tokens).toBeInstanceOf(StaticTokenProvider);
    expect(() => jobContext({ env: 'dev' }, { ...ids, AUDIT_SITE_ID: '/sites/audit' })).toThrow(/AUDIT_SITE_ID must begin with the SharePoint host name/);
  });
});
