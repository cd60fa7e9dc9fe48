import { randomBytes, randomUUID } from 'node:crypto';
import type { EmuResponse } from './http';
import type { DevIdentity } from './identity';
import { unknownScopes } from './scopes';
import type { Store } from './store';

/**
 * A small Microsoft Entra ID for the command-line jobs' tenant sign-in: the device code flow (RFC 8628) and
 * refresh tokens, answered as login.microsoftonline.com answers them, so msal-node runs unchanged against it.
 * The person "signs in" at the verification page by `POST /_dev/device` with the form `user_code=…&user=<email>`.
 */
export const entraHost = 'https://login.microsoftonline.com';

const oidcScopes = new Set(['openid', 'profile', 'offline_access']);
const deviceCodeLifetimeSeconds = 900;

interface DeviceCode {
  userCode: string;
  clientId: string;
  tenant: string;
  scopes: string[];
  expires: number;
  user?: string;
}

const oauthError = (status: number, error: string, description: string): EmuResponse => ({ status, body: { error, error_description: description } });

const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The resource's scope names without their resource prefix, as the emulator's tokens carry them. */
function resourceScopes(scope: string | null): string[] {
  return (scope ?? '')
    .split(' ')
    .filter((s) => s && !oidcScopes.has(s))
    .map((s) => s.replace(/^https?:\/\/[^/]+\//, ''));
}

export function entraEndpoints(store: Store, identity: DevIdentity): (method: string, path: string, raw: Buffer) => EmuResponse | undefined {
  const deviceCodes = new Map<string, DeviceCode>();
  const refreshTokens = new Map<string, { user: string; clientId: string; tenant: string }>();

  const tokens = (user: string, clientId: string, tenant: string, scopes: string[]): EmuResponse => {
    const unknown = unknownScopes(scopes);
    if (unknown.length > 0) return oauthError(400, 'invalid_scope', `AADSTS70011: The provided value for scope ${unknown.join(' ')} is not valid.`);
    const person = store.userByEmail(user);
    const accessToken = identity.issue(user, scopes);
    if (!person || !accessToken) return oauthError(400, 'invalid_grant', `AADSTS50034: The user account ${user} does not exist in the directory.`);
    const refreshToken = randomBytes(24).toString('base64url');
    refreshTokens.set(refreshToken, { user, clientId, tenant });
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      aud: clientId,
      iss: `${entraHost}/${tenant}/v2.0`,
      tid: tenant,
      oid: person.id,
      sub: person.id,
      name: person.name,
      // Entra names the account by its sign-in name, which need not be the mail address.
      preferred_username: person.userPrincipalName ?? person.email,
      iat: now,
      nbf: now,
      exp: now + 3600,
      ver: '2.0',
    };
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        scope: scopes.join(' '),
        expires_in: identity.lifetimeSeconds,
        ext_expires_in: identity.lifetimeSeconds,
        access_token: accessToken,
        refresh_token: refreshToken,
        id_token: `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`,
        client_info: base64url({ uid: person.id, utid: tenant }),
      },
    };
  };

  const token = (form: URLSearchParams): EmuResponse => {
    const clientId = form.get('client_id') ?? '';
    switch (form.get('grant_type')) {
      case 'device_code': {
        const code = deviceCodes.get(form.get('device_code') ?? '');
        if (!code || code.clientId !== clientId) return oauthError(400, 'invalid_grant', 'AADSTS70000: The device code is not valid.');
        if (Date.now() > code.expires) return oauthError(400, 'expired_token', 'AADSTS70020: The device code has expired.');
        if (!code.user) return oauthError(400, 'authorization_pending', 'AADSTS70016: The user has not yet signed in.');
        deviceCodes.delete(form.get('device_code') ?? '');
        return tokens(code.user, clientId, code.tenant, code.scopes);
      }
      case 'refresh_token': {
        const grant = refreshTokens.get(form.get('refresh_token') ?? '');
        if (!grant || grant.clientId !== clientId) return oauthError(400, 'invalid_grant', 'AADSTS9002313: The refresh token is not valid.');
        return tokens(grant.user, clientId, grant.tenant, resourceScopes(form.get('scope')));
      }
      default:
        return oauthError(400, 'unsupported_grant_type', `AADSTS70003: The grant type ${form.get('grant_type') ?? '(none)'} is not supported here.`);
    }
  };

  return (method, path, raw) => {
    const form = new URLSearchParams(raw.toString('utf8'));
    if (path === '/_dev/device' && method === 'POST') {
      const code = [...deviceCodes.values()].find((c) => c.userCode === form.get('user_code'));
      if (!code) return oauthError(400, 'invalid_grant', 'No sign-in is waiting for that code.');
      if (!store.userByEmail(form.get('user') ?? ''))
        return oauthError(400, 'invalid_grant', `No user '${form.get('user') ?? ''}' in the emulator's directory`);
      code.user = form.get('user') ?? '';
      return { status: 204 };
    }
    const match = /^\/_entra\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/devicecode|oauth2\/v2\.0\/token)$/.exec(path);
    if (!match) return undefined;
    const [, tenant = '', endpoint] = match;
    const authority = `${entraHost}/${tenant}`;
    if (method === 'GET' && endpoint?.startsWith('v2.0')) {
      return {
        status: 200,
        body: {
          issuer: `${authority}/v2.0`,
          authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
          token_endpoint: `${authority}/oauth2/v2.0/token`,
          device_authorization_endpoint: `${authority}/oauth2/v2.0/devicecode`,
          end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
          jwks_uri: `${authority}/discovery/v2.0/keys`,
        },
      };
    }
    if (method !== 'POST') return oauthError(405, 'invalid_request', `${method} is not supported on ${path}`);
    if (endpoint === 'oauth2/v2.0/token') return token(form);
    const deviceCode = randomUUID();
    const userCode = randomBytes(5).toString('hex').toUpperCase().slice(0, 9);
    deviceCodes.set(deviceCode, {
      userCode,
      clientId: form.get('client_id') ?? '',
      tenant,
      scopes: resourceScopes(form.get('scope')),
      expires: Date.now() + deviceCodeLifetimeSeconds * 1000,
    });
    return {
      status: 200,
      body: {
        user_code: userCode,
        device_code: deviceCode,
        verification_uri: 'https://microsoft.com/devicelogin',
        expires_in: deviceCodeLifetimeSeconds,
        interval: 1,
        message: `To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code ${userCode} to authenticate.`,
      },
    };
  };
}
