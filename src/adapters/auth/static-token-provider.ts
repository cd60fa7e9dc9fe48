import type { TokenProvider, TokenResource } from '../../application/ports';

/** Tokens handed in from outside, for unattended command-line jobs (e.g. a client-credentials token). */
export class StaticTokenProvider implements TokenProvider {
  constructor(private readonly tokens: { graph: string; sharepoint?: string }) {}

  async getToken(resource: TokenResource = 'graph'): Promise<string> {
    const token = resource === 'graph' ? this.tokens.graph : this.tokens.sharepoint;
    if (!token) throw new Error(`No ${resource} access token was given`);
    return token;
  }
}
