import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { appPackageDir, buildAppPackage, checkIcons, fillPlaceholders, validateManifest } from '../../scripts/app-package';
import { graphScopes, jobScopes } from '../../src/adapters/auth/scopes';

const env = {
  TEAMS_APP_ID: '6f1c2a0e-3b7d-4e59-9a41-2d8c5f0b7e13',
  AAD_APP_CLIENT_ID: '2b3c4d5e-6f70-4812-9abc-def012345678',
  PUBLISHER_NAME: 'Northmere',
  TAB_DOMAIN: 'audit.northmere.example',
  TAB_ENDPOINT: 'https://audit.northmere.example',
};

describe('the Teams app package', () => {
  it('fills the manifest, validates it against the bundled schema of the version it declares (1.30), and zips it with its icons', async () => {
    const result = await buildAppPackage(env);
    expect('problems' in result ? result.problems : []).toEqual([]);
    if (!('zip' in result)) return;
    const zip = await JSZip.loadAsync(result.zip);
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '{}');
    expect(manifest).toMatchObject({
      manifestVersion: '1.30',
      activities: { activityTypes: [{ type: 'updateDue' }, { type: 'returnedToYou' }, { type: 'panelDecided' }] },
      id: env.TEAMS_APP_ID,
      validDomains: [env.TAB_DOMAIN],
      webApplicationInfo: { id: env.AAD_APP_CLIENT_ID, nestedAppAuthInfo: [{ redirectUri: `brk-multihub://${env.TAB_DOMAIN}` }] },
      // A meeting's side panel and stage, and the consent Teams asks for before the side panel may share to the stage.
      configurableTabs: [{ scopes: ['team', 'groupChat'], meetingSurfaces: ['sidePanel', 'stage'] }],
      authorization: { permissions: { resourceSpecific: [{ name: 'MeetingStage.Write.Chat', type: 'Delegated' }] } },
    });
    expect(manifest.configurableTabs[0].context).toEqual(expect.arrayContaining(['channelTab', 'meetingSidePanel', 'meetingStage', 'meetingChatTab']));
    expect(manifest.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('names every missing variable instead of packaging blanks', async () => {
    expect(await buildAppPackage({ ...env, TAB_DOMAIN: '', AAD_APP_CLIENT_ID: undefined })).toEqual({
      problems: ['Set TAB_DOMAIN, AAD_APP_CLIENT_ID in the environment file'],
    });
    expect(fillPlaceholders('${{A}}-${{ B }}', { A: 'x', B: 'y' })).toEqual({ text: 'x-y', missing: [] });
  });

  it('reports schema errors and wrong icon sizes', () => {
    const manifest = JSON.parse(fillPlaceholders(readFileSync(join(appPackageDir, 'manifest.json'), 'utf8'), env).text);
    expect(validateManifest({ ...manifest, id: 'not-a-guid', accentColor: 'blue' }).length).toBeGreaterThanOrEqual(2);
    expect(validateManifest({ ...manifest, unknownProperty: true })).not.toEqual([]);
    // Checked against the schema of the version it declares, and one the package cannot check is refused.
    expect(validateManifest({ ...manifest, manifestVersion: '1.99' })).toEqual([
      '/manifestVersion 1.99 has no schema in @microsoft/app-manifest to check it against',
    ]);
    const color = readFileSync(join(appPackageDir, 'color.png'));
    const outline = readFileSync(join(appPackageDir, 'outline.png'));
    expect(checkIcons(color, outline)).toEqual([]);
    expect(checkIcons(outline, color)).toEqual(['color.png must be a 192x192 PNG (found 32x32)', 'outline.png must be a 32x32 PNG (found 192x192)']);
  });

  it("registers exactly the scopes the tab and the jobs ask for, for nested app auth the tab's, and the guide gives the reason for each", () => {
    const root = join(appPackageDir, '..');
    const aad = JSON.parse(readFileSync(join(root, 'aad.manifest.json'), 'utf8')) as {
      allowPublicClient?: boolean;
      requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
    };
    const registered = (resource: string) =>
      aad.requiredResourceAccess
        .filter((r) => r.resourceAppId === resource)
        .flatMap((r) => r.resourceAccess.filter((a) => a.type === 'Scope').map((a) => a.id))
        .sort();
    expect(registered('Microsoft Graph')).toEqual([...new Set([...graphScopes, ...jobScopes.graph])].sort());
    expect(registered('Office 365 SharePoint Online')).toEqual([...(jobScopes.sharepoint ?? [])].sort());
    // The jobs' device code sign-in is a public client flow.
    expect(aad.allowPublicClient).toBe(true);
    const manifest = JSON.parse(readFileSync(join(appPackageDir, 'manifest.json'), 'utf8')) as {
      webApplicationInfo: { nestedAppAuthInfo: { scopes: string[] }[] };
    };
    expect([...(manifest.webApplicationInfo.nestedAppAuthInfo[0]?.scopes ?? [])].sort()).toEqual([...graphScopes].sort());
    const guide = readFileSync(join(root, 'docs/deploy.md'), 'utf8');
    for (const scope of [...registered('Microsoft Graph'), ...registered('Office 365 SharePoint Online')]) {
      expect(guide, scope).toMatch(new RegExp(`\\x60${scope.replaceAll('.', '\\.')}\\x60[^\\n]*: \\S+`));
    }
  });

  it('declares private and shared channel support as manifests from 1.25 must, never with supportedChannelTypes', () => {
    const manifest = JSON.parse(readFileSync(join(appPackageDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.supportsChannelFeatures).toBe('tier1');
    expect(JSON.stringify(manifest)).not.toContain('supportedChannelTypes');
  });

  it('gives the app registration its single-page redirect URIs when the Agents Toolkit applies aad.manifest.json', () => {
    const root = join(appPackageDir, '..');
    const aad = JSON.parse(readFileSync(join(root, 'aad.manifest.json'), 'utf8')) as Record<string, unknown>;
    const application = asToolkitApplies(aad);
    // Nested app auth needs the broker URI; msal's popup outside Teams needs the bridge page.
    expect(application.spa.redirectUris).toEqual([
      '${{TAB_ENDPOINT}}/auth-redirect.html',
      '${{TAB_ENDPOINT}}/auth-window.html',
      'brk-multihub://${{TAB_DOMAIN}}',
    ]);
    expect(application.isFallbackPublicClient).toBe(true);
    expect(application.displayName).toBe('Audit Tracker');
  });
});

/**
 * What the Agents Toolkit's aadApp/update sends to Graph for a manifest: one with `displayName` is in Graph's
 * own (new) format and goes as it is; one without is the legacy Entra manifest, whose redirect URIs it takes only
 * from `replyUrlsWithType` by type (its AadManifestHelper.manifestToApplication), ignoring any `spa` block.
 */
function asToolkitApplies(manifest: Record<string, unknown>): {
  displayName: unknown;
  isFallbackPublicClient: unknown;
  spa: { redirectUris: unknown[] };
} {
  if ('displayName' in manifest) {
    const spa = (manifest.spa as { redirectUris?: unknown[] } | undefined)?.redirectUris ?? [];
    return { displayName: manifest.displayName, isFallbackPublicClient: manifest.isFallbackPublicClient, spa: { redirectUris: spa } };
  }
  const replyUrls = (manifest.replyUrlsWithType as { url: string; type: string }[] | undefined) ?? [];
  return {
    displayName: manifest.name,
    isFallbackPublicClient: manifest.allowPublicClient,
    spa: { redirectUris: replyUrls.filter((r) => r.type === 'Spa').map((r) => r.url) },
  };
}
