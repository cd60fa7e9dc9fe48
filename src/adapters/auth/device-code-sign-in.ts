import { PublicClientApplication, type AccountInfo, type INetworkModule } from '@azure/msal-node';
import type { TokenProvider, TokenResource } from '../../application/ports';
import { declaredScopes, type ResourceScopes } from './scopes';

/** The Entra app registration a person signs in to. */
export interface EntraApp {
  clientId: string;
  tenantId: string;
}

/**
 * A site owner running a command-line job signs in once with a device code: a link and a code to type, which
 * works on a server or over SSH. Later tokens, for Graph or for SharePoint's REST API, come silently from msal's
 * cache and refresh token, so a long import outlives its first access token and nobody is asked twice.
 */
export class DeviceCodeSignIn implements TokenProvider {
  private readonly msal: PublicClientApplication;
  private account: Promise<AccountInfo> | undefined;

  constructor(
    app: EntraApp,
    private readonly scopes: ResourceScopes,
    /** e.g. https://contoso.sharepoint.com: SharePoint's scopes are named under its own origin. */
    private readonly sharePointOrigin: string,
    private readonly prompt: (message: string) => void,
    /** msal's own transport unless given one (tests route it to the emulator's Entra endpoints). */
    network?: INetworkModule,
  ) {
    this.msal = new PublicClientApplication({
      auth: { clientId: app.clientId, authority: `https://login.microsoftonline.com/${app.tenantId}` },
      ...(network ? { system: { networkClient: network } } : {}),
    });
  }

  async getToken(resource: TokenResource = 'graph'): Promise<string> {
    const scopes = this.scopesFor(resource);
    // Concurrent first calls (an import overlaps its writes) share one sign-in rather than prompting for several.
    this.account ??= this.signIn().catch((error: unknown) => {
      this.account = undefined;
      throw error;
    });
    const account = await this.account;
    try {
      return (await this.msal.acquireTokenSilent({ account, scopes })).accessToken;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `No ${resource} token for ${scopes.join(', ')}: ${reason}. Has an admin granted consent to the app registration (docs/deploy.md, step 2)?`,
      );
    }
  }

  private async signIn(): Promise<AccountInfo> {
    const result = await this.msal.acquireTokenByDeviceCode({
      scopes: this.scopesFor('graph'),
      deviceCodeCallback: (response) => this.prompt(response.message),
    });
    if (!result?.account) throw new Error('The device code sign-in ended without an account');
    return result.account;
  }

  private scopesFor(resource: TokenResource): string[] {
    const names = declaredScopes(this.scopes, resource);
    return resource === 'graph' ? [...names] : names.map((name) => `${this.sharePointOrigin}/${name}`);
  }
}
