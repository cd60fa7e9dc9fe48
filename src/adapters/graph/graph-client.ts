import { Client, GraphError, HTTPMessageHandler, RetryHandler, RetryHandlerOptions, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import type { TokenProvider } from '../../application/ports';

export interface GraphConnection {
  client: Client;
  /** Graph origin, e.g. https://graph.microsoft.com or the emulator's http://127.0.0.1:5001 */
  origin: string;
  tokens: TokenProvider;
}

export const microsoftGraphOrigin = 'https://graph.microsoft.com';

/**
 * Attaches the bearer token to requests for the configured Graph origin and to nothing else. The client's own
 * handler attaches tokens only to https hosts, which would leave the local (http) emulator unauthenticated.
 */
class OriginAuthHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly origin: string,
    private readonly tokens: TokenProvider,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const headers = new Headers(context.options?.headers);
    if (new URL(url).origin === this.origin) headers.set('Authorization', `Bearer ${await this.tokens.getToken('graph')}`);
    else headers.delete('Authorization');
    context.options = { ...context.options, headers: Object.fromEntries(headers.entries()) };
    if (!this.next) throw new Error('The Graph middleware chain has no next handler');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * Retry options for a write Graph cannot make idempotent (a channel message): throttling (429, 503) means "not done"
 * and is retried as usual, but a gateway timeout (504) may come after the write, so it goes back to the caller,
 * which checks before trying again.
 */
export const retryUnlessMaybeDone = (): RetryHandlerOptions =>
  new RetryHandlerOptions(1, 8, (_delay, _attempt, _request, _options, response) => response.status !== 504);

/**
 * The real Graph client, pointed at Microsoft Graph or at the emulator. The retry handler retries 429/503/504
 * honouring Retry-After; writes that may be retried are made idempotent by the callers (unique keys).
 */
export function connectGraph(tokens: TokenProvider, origin: string = microsoftGraphOrigin): GraphConnection {
  const url = new URL(origin);
  const auth = new OriginAuthHandler(url.origin, tokens);
  const retry = new RetryHandler(new RetryHandlerOptions(1, 8));
  auth.setNext(retry);
  retry.setNext(new HTTPMessageHandler());
  const client = Client.initWithMiddleware({
    baseUrl: `${url.origin}/`,
    defaultVersion: 'v1.0',
    customHosts: url.hostname === 'graph.microsoft.com' ? undefined : new Set([url.hostname]),
    middleware: auth,
  });
  return { client, origin: url.origin, tokens };
}

export const statusOf = (error: unknown): number | undefined => (error instanceof GraphError ? error.statusCode : undefined);

/**
 * A next or delta link as a path the client resolves against its own base. The client takes only https
 * addresses as absolute, so the emulator's http links would otherwise be misread as paths.
 */
export function graphPath(url: string): string {
  return url.replace(/^https?:\/\/[^/]+/, '').replace(/^\/v1\.0(?=\/)/, '');
}
