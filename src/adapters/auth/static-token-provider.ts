import type { TokenProvider } from '../../application/ports';
import type { ResourceScopes } from './scopes';

/** Tokens handed in from outside, for unattended command-line jobs (e.g. a client-credentials token). */
export class StaticTokenProvider implements TokenProvider {
  constructor(private readonly tokens: { graph: string; sharepoint?: string }) {}

  async getToken(resource: keyof ResourceScopes = 'graph'): Promise<string> {
    const token = resource === 'graph' ? this.tokens.graph : this.tokens.sharepoint;
    if (!token) throw new Error(`No ${resource} access token was given`);
    return token;
  }
}
