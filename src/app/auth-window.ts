import { createStandardPublicClientApplication, InteractionRequiredAuthError, type AuthenticationResult } from '@azure/msal-browser';
import { app, authentication } from '@microsoft/teams-js';
import { graphScopes } from '../adapters/auth/scopes';
import { authWindowPath, type AuthWindowResult } from '../adapters/auth/teams-auth-window';
import { readConfig } from './config';
import { msalConfiguration } from './msal-configuration';

const handBack = (result: AuthenticationResult): void => {
  const answer: AuthWindowResult = {
    accessToken: result.accessToken,
    expiresOn: (result.expiresOn ?? new Date()).getTime(),
    username: result.account.username,
    name: result.account.name,
  };
  authentication.notifySuccess(JSON.stringify(answer));
};

/**
 * Teams' authentication window, for hosts without nested app authentication: a top-level page, so msal signs in
 * first-party (a redirect to Entra and back here), then hands the token to the tab through Teams. A person who
 * signed in before gets a token from msal's cache and the window closes without a prompt.
 */
async function signInThroughTeams(): Promise<void> {
  await app.initialize();
  const parsed = readConfig(import.meta.env);
  if (!('config' in parsed) || parsed.config.TAB_AUTH_MODE !== 'msal') {
    authentication.notifyFailure('This build of the tab is not configured to sign in to a tenant');
    return;
  }
  const pca = await createStandardPublicClientApplication(msalConfiguration(parsed.config, authWindowPath));
  const returned = await pca.handleRedirectPromise();
  if (returned) return handBack(returned);
  const loginHint = new URLSearchParams(window.location.search).get('loginHint') ?? undefined;
  const known = pca.getAllAccounts().find((account) => !loginHint || account.username.toLowerCase() === loginHint.toLowerCase());
  if (known) {
    try {
      return handBack(await pca.acquireTokenSilent({ scopes: graphScopes, account: known }));
    } catch (error) {
      if (!(error instanceof InteractionRequiredAuthError)) throw error;
    }
  }
  await pca.loginRedirect({ scopes: graphScopes, loginHint });
}

signInThroughTeams().catch((error: unknown) => authentication.notifyFailure(error instanceof Error ? error.message : String(error)));
