import { InteractionRequiredAuthError, type AccountInfo, type IPublicClientApplication } from '@azure/msal-browser';
import type { TokenProvider } from '../../application/ports';
import { graphScopes } from './scopes';

export interface MsalAuthOptions {
  /** From the Teams context: lets silent sign-in pick the right account without asking. */
  loginHint?: string;
}

/**
 * Tokens through MSAL: nested app authentication inside Teams (the host brokers the token), the ordinary
 * browser flow elsewhere. Always silent first; a popup only when MSAL says interaction is required.
 */
export class MsalAuth implements TokenProvider {
  private account: AccountInfo | undefined;

  constructor(
    private readonly pca: IPublicClientApplication,
    private readonly options: MsalAuthOptions = {},
  ) {}

  /** Finds the signed-in account silently, or undefined when the user must press "Sign in". */
  async trySilentSignIn(): Promise<AccountInfo | undefined> {
    const known = this.pca.getActiveAccount() ?? this.pca.getAllAccounts()[0];
    if (known) return this.use(known);
    if (!this.options.loginHint) return undefined;
    try {
      const result = await this.pca.ssoSilent({ scopes: graphScopes, loginHint: this.options.loginHint });
      return result.account ? this.use(result.account) : undefined;
    } catch (error) {
      if (error instanceof InteractionRequiredAuthError) return undefined;
      throw error;
    }
  }

  /** Interactive sign-in, from a button press (popups need a user gesture). */
  async signInWithPopup(): Promise<AccountInfo> {
    const result = await this.pca.loginPopup({ scopes: graphScopes, loginHint: this.options.loginHint });
    if (!result.account) throw new Error('Sign-in finished without an account');
    return this.use(result.account);
  }

  private use(account: AccountInfo): AccountInfo {
    this.account = account;
    this.pca.setActiveAccount(account);
    return account;
  }

  async getToken(): Promise<string> {
    if (!this.account) throw new Error('Sign in first');
    try {
      return (await this.pca.acquireTokenSilent({ scopes: graphScopes, account: this.account })).accessToken;
    } catch (error) {
      if (!(error instanceof InteractionRequiredAuthError)) throw error;
      return (await this.pca.acquireTokenPopup({ scopes: graphScopes, account: this.account })).accessToken;
    }
  }
}
