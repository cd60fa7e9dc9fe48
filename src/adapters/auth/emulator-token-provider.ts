import { z } from 'zod';
import type { TokenProvider, TokenResource } from '../../application/ports';
import type { DirectoryPerson } from '../../application/ports';
import { roles } from '../../domain';
import { declaredScopes, type ResourceScopes } from './scopes';

const tokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });

/**
 * Signs in to the local emulator's dev identity as one of its directory's people, asking for the caller's
 * declared scopes, one token per resource as Entra issues them, and renewing each before it expires.
 */
export class EmulatorTokenProvider implements TokenProvider {
  private readonly held = new Map<TokenResource, { token: string; renewAt: number }>();
  private readonly renewing = new Map<TokenResource, Promise<string>>();

  constructor(
    private readonly origin: string,
    readonly user: string,
    private readonly scopes: ResourceScopes,
  ) {}

  getToken(resource: TokenResource = 'graph'): Promise<string> {
    const held = this.held.get(resource);
    if (held && Date.now() < held.renewAt) return Promise.resolve(held.token);
    // Callers arriving while a token is fetched share that fetch.
    let renewal = this.renewing.get(resource);
    if (!renewal) {
      renewal = this.fetchToken(resource)
        .then((fresh) => {
          this.held.set(resource, fresh);
          return fresh.token;
        })
        .finally(() => this.renewing.delete(resource));
      this.renewing.set(resource, renewal);
    }
    return renewal;
  }

  private async fetchToken(resource: TokenResource): Promise<{ token: string; renewAt: number }> {
    const scopes = declaredScopes(this.scopes, resource);
    const request = () =>
      fetch(`${this.origin}/_dev/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: this.user, scopes }),
      });
    // A connection the emulator closed while busy fails once; a fresh one then answers.
    const response = await request().catch(() => request());
    const body: unknown = await response.json().catch(() => ({}));
    if (!response.ok) {
      const message = (body as { error?: { message?: string } }).error?.message ?? response.statusText;
      throw new Error(`Emulator sign-in as ${this.user} failed: ${message}`);
    }
    const { access_token, expires_in } = tokenResponse.parse(body);
    // Renewed with a margin, as msal does: five minutes, or half a short lifetime.
    return { token: access_token, renewAt: Date.now() + (expires_in - Math.min(300, expires_in / 2)) * 1000 };
  }
}

const directorySchema = z.object({
  value: z.array(z.object({ mail: z.string(), displayName: z.string(), jobTitle: z.string().optional(), role: z.enum(roles) })),
});

/** The emulator's people with their roles, for its sign-in screen and its demo data. */
export async function emulatorDirectory(origin: string): Promise<DirectoryPerson[]> {
  const response = await fetch(`${origin}/_dev/users`);
  if (!response.ok) throw new Error(`the emulator answered ${response.status}`);
  return directorySchema.parse(await response.json()).value.map((u) => ({ email: u.mail, name: u.displayName, role: u.role, jobTitle: u.jobTitle }));
}
