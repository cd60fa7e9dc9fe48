import { InteractionRequiredAuthError, type AccountInfo, type IPublicClientApplication } from '@azure/msal-browser';
import { describe, expect, it, vi } from 'vitest';
import { MsalAuth } from './msal-auth';

const account = { homeAccountId: 'h', environment: 'login', tenantId: 't', username: 'priya@contoso.org', localAccountId: 'l', name: 'Priya' } as AccountInfo;
const result = (token: string) => ({ accessToken: token, account }) as never;

function fakePca(over: Partial<IPublicClientApplication> = {}): IPublicClientApplication {
  return {
    getActiveAccount: vi.fn(() => null),
    getAllAccounts: vi.fn(() => []),
    setActiveAccount: vi.fn(),
    ssoSilent: vi.fn(() => Promise.resolve(result('sso'))),
    loginPopup: vi.fn(() => Promise.resolve(result('popup'))),
    acquireTokenSilent: vi.fn(() => Promise.resolve(result('silent-token'))),
    acquireTokenPopup: vi.fn(() => Promise.resolve(result('popup-token'))),
    ...over,
  } as unknown as IPublicClientApplication;
}

describe('MSAL sign-in and tokens', () => {
  it('signs in silently with the Teams login hint, then gets tokens silently', async () => {
    const pca = fakePca();
    const auth = new MsalAuth(pca, { loginHint: 'priya@contoso.org' });
    expect((await auth.trySilentSignIn())?.username).toBe('priya@contoso.org');
    expect(await auth.getToken()).toBe('silent-token');
    expect(pca.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('falls back to a popup only when interaction is required', async () => {
    const pca = fakePca({
      getActiveAccount: vi.fn(() => account),
      acquireTokenSilent: vi.fn(() => Promise.reject(new InteractionRequiredAuthError('consent_required', 'Consent is needed'))),
    });
    const auth = new MsalAuth(pca);
    await auth.trySilentSignIn();
    expect(await auth.getToken()).toBe('popup-token');
  });

  it('passes other errors on rather than opening a popup', async () => {
    const pca = fakePca({ getActiveAccount: vi.fn(() => account), acquireTokenSilent: vi.fn(() => Promise.reject(new Error('network down'))) });
    const auth = new MsalAuth(pca);
    await auth.trySilentSignIn();
    await expect(auth.getToken()).rejects.toThrow('network down');
    expect(pca.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('asks for a sign-in button when there is no account and no hint, and refuses tokens before it', async () => {
    const auth = new MsalAuth(fakePca());
    expect(await auth.trySilentSignIn()).toBeUndefined();
    await expect(auth.getToken()).rejects.toThrow('Sign in first');
    expect((await auth.signInWithPopup()).name).toBe('Priya');
  });

  it('treats a silent SSO that needs interaction as "not signed in yet"', async () => {
    const auth = new MsalAuth(fakePca({ ssoSilent: vi.fn(() => Promise.reject(new InteractionRequiredAuthError('login_required', 'Sign-in is needed'))) }), {
      loginHint: 'x@y.z',
    });
    expect(await auth.trySilentSignIn()).toBeUndefined();
  });
});
