import { z } from 'zod';
import type { TokenProvider, TokenResource } from '../../application/ports';

/** The page Teams opens as its authentication window; registered as an SPA redirect URI beside the bridge page. */
export const authWindowPath = '/auth-window.html';

/**
 * What the authentication window hands back through `authentication.notifySuccess`: a Graph token for the tab and
 * who it was issued to. Teams passes it as a string, so the tab parses it like any other external input.
 */
export const authWindowResultSchema = z.object({
  accessToken: z.string().min(1),
  expiresOn: z.number().int().positive(),
  username: z.string().min(1),
  name: z.string().optional(),
});
export type AuthWindowResult = z.infer<typeof authWindowResultSchema>;

/** Opens Teams' authentication window at `url` and resolves to what it notified (teams-js `authentication.authenticate`). */
export type OpenAuthWindow = (request: { url: string; width: number; height: number }) => Promise<string>;

// A token this close to expiry is renewed first, so a request does not set out with a token that lapses on the way.
const renewBeforeMs = 5 * 60_000;

/**
 * Tokens through Teams' authentication window, for a host that offers no nested app authentication (older
 * desktop and mobile clients). The tab's frame may not open its own popup, and its storage is partitioned from a
 * top-level window, so the window signs in with msal first-party and returns the token to the tab. A renewal
 * opens the window again; its msal cache answers without a prompt while the person's session lasts.
 */
export class TeamsAuthWindowTokens implements TokenProvider {
  private current: AuthWindowResult | undefined;

  constructor(
    private readonly open: OpenAuthWindow,
    private readonly origin: string,
    private readonly loginHint: string | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** The person the window signed in, once it has. */
  get signedIn(): AuthWindowResult | undefined {
    return this.current;
  }

  /** Opens the window; call it from a button press, since some hosts open it only on a user gesture. */
  async signIn(): Promise<AuthWindowResult> {
    const url = new URL(authWindowPath, this.origin);
    if (this.loginHint) url.searchParams.set('loginHint', this.loginHint);
    let answer: unknown;
    try {
      answer = JSON.parse(await this.open({ url: url.href, width: 600, height: 535 }));
    } catch (error) {
      throw new Error(`Teams' sign-in window did not sign you in (${error instanceof Error ? error.message : String(error)})`);
    }
    const parsed = authWindowResultSchema.safeParse(answer);
    if (!parsed.success) throw new Error("Teams' sign-in window returned something that is not a sign-in");
    this.current = parsed.data;
    return parsed.data;
  }

  async getToken(resource?: TokenResource): Promise<string> {
    if (resource && resource !== 'graph') throw new Error(`The tab signs in to Graph only, not ${resource}`);
    const fresh = this.current && this.current.expiresOn - this.now() > renewBeforeMs ? this.current : await this.signIn();
    return fresh.accessToken;
  }
}
