import { createHash } from 'node:crypto';
import type { BrowserContext, Route } from 'playwright-core';
import { devToken } from '../support/emulator-harness';

/** What the fake Entra saw: each authorize request, so a test can say who was asked to sign in and how. */
export interface EntraLog {
  authorize: URL[];
  tokenGrants: URLSearchParams[];
}

const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*', 'Access-Control-Allow-Methods': 'GET, POST, OPTIONS' };

/**
 * Microsoft Entra's authorization-code flow with PKCE, as msal-browser uses it from a top-level page: discovery,
 * the authorize redirect (the person signs in as the login hint), and the token grant, which checks the PKCE
 * verifier against the challenge and returns the emulator's Graph token for that person. Routed in the browser
 * context, so every window of the test (Teams' authentication window included) reaches it.
 */
export async function fakeEntra(context: BrowserContext, emulatorOrigin: string): Promise<EntraLog> {
  const log: EntraLog = { authorize: [], tokenGrants: [] };
  const codes = new Map<string, { user: string; nonce: string; challenge: string; clientId: string; scope: string }>();
  const tid = '8e2d4c6a-1b3f-4a5e-8c7d-9f0e1a2b3c4d';
  const oidOf = (user: string): string => `00000000-0000-4000-8000-${Buffer.from(user).toString('hex').slice(0, 12).padEnd(12, '0')}`;
  await context.route('https://login.microsoftonline.com/**', async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    const tenant = url.pathname.split('/')[1];
    const root = `https://login.microsoftonline.com/${tenant}`;
    if (url.pathname.endsWith('/.well-known/openid-configuration')) {
      return route.fulfill({
        headers: cors,
        json: {
          issuer: `https://login.microsoftonline.com/${tid}/v2.0`,
          authorization_endpoint: `${root}/oauth2/v2.0/authorize`,
          token_endpoint: `${root}/oauth2/v2.0/token`,
          end_session_endpoint: `${root}/oauth2/v2.0/logout`,
          jwks_uri: `${root}/discovery/v2.0/keys`,
        },
      });
    }
    if (url.pathname.endsWith('/discovery/instance')) {
      return route.fulfill({
        headers: cors,
        json: {
          tenant_discovery_endpoint: `${root}/v2.0/.well-known/openid-configuration`,
          'api-version': '1.1',
          metadata: [
            {
              preferred_network: 'login.microsoftonline.com',
              preferred_cache: 'login.windows.net',
              aliases: ['login.microsoftonline.com', 'login.windows.net'],
            },
          ],
        },
      });
    }
    if (url.pathname.endsWith('/oauth2/v2.0/authorize')) {
      log.authorize.push(url);
      const user = url.searchParams.get('login_hint');
      const redirect = url.searchParams.get('redirect_uri');
      if (!user || !redirect) return route.fulfill({ status: 400, body: 'This fake Entra signs in the login hint only' });
      const code = `code-${codes.size + 1}`;
      codes.set(code, {
        user,
        nonce: url.searchParams.get('nonce') ?? '',
        challenge: url.searchParams.get('code_challenge') ?? '',
        clientId: url.searchParams.get('client_id') ?? '',
        scope: url.searchParams.get('scope') ?? '',
      });
      const answer = new URLSearchParams({ code, state: url.searchParams.get('state') ?? '', client_info: base64url({ uid: oidOf(user), utid: tid }) });
      const separator = url.searchParams.get('response_mode') === 'query' ? '?' : '#';
      return route.fulfill({ status: 302, headers: { Location: `${redirect}${separator}${answer}` } });
    }
    if (url.pathname.endsWith('/oauth2/v2.0/token')) {
      const form = new URLSearchParams(request.postData() ?? '');
      log.tokenGrants.push(form);
      const grant = codes.get(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      if (!grant || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
        return route.fulfill({ status: 400, headers: cors, json: { error: 'invalid_grant', error_description: 'The code or its PKCE verifier is wrong' } });
      }
      codes.delete(form.get('code') ?? '');
      const scopes = grant.scope.split(' ').filter((scope) => scope && !['openid', 'profile', 'offline_access'].includes(scope));
      const now = Math.floor(Date.now() / 1000);
      const oid = oidOf(grant.user);
      const idClaims = {
        aud: grant.clientId,
        iss: `https://login.microsoftonline.com/${tid}/v2.0`,
        tid,
        oid,
        sub: oid,
        nonce: grant.nonce,
        preferred_username: grant.user,
        name: grant.user,
        iat: now,
        nbf: now,
        exp: now + 3600,
        ver: '2.0',
      };
      return route.fulfill({
        headers: cors,
        json: {
          token_type: 'Bearer',
          scope: scopes.join(' '),
          expires_in: 3600,
          ext_expires_in: 3600,
          access_token: await devToken(emulatorOrigin, grant.user, scopes),
          refresh_token: `refresh-${oid}`,
          id_token: `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(idClaims)}.`,
          client_info: base64url({ uid: oid, utid: tid }),
        },
      });
    }
    return route.fulfill({ status: 404, headers: cors, body: `The fake Entra has no ${url.pathname}` });
  });
  return log;
}
