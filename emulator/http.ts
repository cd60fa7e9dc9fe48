import type { UserRow } from './store';

/** A request as the emulator's routes see it, whether it came over HTTP or inside a $batch. */
export interface EmuRequest {
  method: string;
  /** Path after the version segment, e.g. /sites/root/lists. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  raw: Buffer;
  user: UserRow;
  /** The scopes (delegated) or roles (application) the request's token carries. */
  scopes: ReadonlySet<string>;
  /** Absolute base for links this response contains, e.g. http://127.0.0.1:5001/v1.0. */
  base: string;
}

export interface EmuResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  binary?: Buffer;
}

/** Errors in Graph's shape: {"error": {"code", "message", "innerError"}}. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string): GraphError => new GraphError(404, 'itemNotFound', `${what} was not found`);
export const badRequest = (message: string): GraphError => new GraphError(400, 'invalidRequest', message);
export const accessDenied = (message = 'Access denied. You do not have permission to perform this action or access this resource.'): GraphError =>
  new GraphError(403, 'accessDenied', message);

export function errorBody(error: GraphError, requestId: string): unknown {
  return {
    error: {
      code: error.code,
      message: error.message,
      innerError: { date: new Date().toISOString(), 'request-id': requestId, 'client-request-id': requestId },
    },
  };
}

/** Graph's refusal when the token lacks every scope an API accepts. */
function requireScope(granted: ReadonlySet<string>, accepted: readonly string[]): void {
  if (accepted.some((scope) => granted.has(scope))) return;
  throw new GraphError(
    403,
    'Forbidden',
    `Missing scope permissions on the request. API requires one of '${accepted.join(', ')}'. Scopes on the request '${[...granted].join(' ')}'`,
  );
}

export const ok = (body: unknown, status = 200, headers: Record<string, string> = {}): EmuResponse => ({ status, body, headers });

export type Route = {
  method: string;
  pattern: RegExp;
  /** Any one of these scopes lets the call through (see scopes.ts). */
  scopes: readonly string[];
  handle: (request: EmuRequest, params: string[]) => EmuResponse | Promise<EmuResponse>;
};

/** Finds the route for a request; 405 when the path exists for other methods. */
export async function dispatch(routes: Route[], request: EmuRequest): Promise<EmuResponse> {
  let pathMatched = false;
  for (const route of routes) {
    const match = route.pattern.exec(request.path);
    if (!match) continue;
    pathMatched = true;
    if (route.method !== request.method) continue;
    requireScope(request.scopes, route.scopes);
    return route.handle(
      request,
      match.slice(1).map((part) => decodeURIComponent(part ?? '')),
    );
  }
  throw pathMatched
    ? new GraphError(405, 'methodNotAllowed', `${request.method} is not supported on ${request.path}`)
    : new GraphError(400, 'BadRequest', `Resource not found for the segment '${request.path.split('/')[1] ?? ''}'.`);
}
