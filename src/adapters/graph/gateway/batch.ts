import { z } from 'zod';
import { retrying, RetryLater, waitForRetryAfter } from '../../../application/shared/retry';

/** Graph's limit of requests in one $batch. */
export const batchLimit = 20;
const retryableStatuses = new Set([429, 503, 504]);
const maxAttempts = 10;

export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Requests of the same $batch that Graph must answer first (it otherwise runs them in any order). */
  dependsOn?: string[];
}

export interface BatchResponse {
  id: string;
  status: number;
  body: unknown;
}

const batchResponseSchema = z.object({
  responses: z.array(z.object({ id: z.string(), status: z.number(), headers: z.record(z.string(), z.string()).optional(), body: z.unknown().optional() })),
});

/** A $batch body: JSON bodies say so, as Graph requires of each sub-request. */
const batchBody = (requests: readonly BatchRequest[]) => ({
  requests: requests.map((r) => ({
    id: r.id,
    method: r.method,
    url: r.url,
    // A retry sends only what was throttled: what it depended on has its answer already.
    ...(r.dependsOn?.some((id) => requests.some((q) => q.id === id)) ? { dependsOn: r.dependsOn.filter((id) => requests.some((q) => q.id === id)) } : {}),
    ...(r.body === undefined ? {} : { body: r.body }),
    headers: { ...(r.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...r.headers },
  })),
});

/**
 * Sends requests in $batch chunks of 20 and retries sub-requests that were throttled or timed out, honouring
 * Retry-After (Graph's client retries only whole requests). Answers in the order asked.
 */
export async function sendBatch(post: (body: unknown) => Promise<unknown>, requests: readonly BatchRequest[]): Promise<BatchResponse[]> {
  const results = new Map<string, BatchResponse>();
  for (let start = 0; start < requests.length; start += batchLimit) {
    let pending = requests.slice(start, start + batchLimit);
    const sendPending = async (): Promise<void> => {
      const { responses } = batchResponseSchema.parse(await post(batchBody(pending)));
      const retry: BatchRequest[] = [];
      let waitSeconds = 0;
      for (const response of responses) {
        const request = pending.find((r) => r.id === response.id);
        if (!request) continue;
        // Kept even when it is to be retried: after the last attempt, the throttled answer is the answer.
        results.set(response.id, { id: response.id, status: response.status, body: response.body });
        if (retryableStatuses.has(response.status)) {
          retry.push(request);
          waitSeconds = Math.max(waitSeconds, Number(response.headers?.['Retry-After'] ?? 1) || 0);
        }
      }
      // A request whose dependency was throttled failed for that alone (424): it goes again with it.
      if (retry.length > 0)
        for (const response of responses) {
          const request = pending.find((r) => r.id === response.id);
          if (request && response.status === 424 && !retry.includes(request)) retry.push(request);
        }
      // In the order asked, so what others depend on goes first again.
      pending = pending.filter((r) => retry.includes(r));
      if (retry.length > 0) throw new RetryLater(`${retry.length} sub-request(s) throttled`, waitSeconds);
    };
    await retrying(sendPending, waitForRetryAfter(maxAttempts)).catch((error: unknown) => {
      if (!(error instanceof RetryLater)) throw error;
    });
  }
  return requests.map((r) => results.get(r.id) ?? { id: r.id, status: 0, body: undefined });
}

/** A sub-response's body, or an error naming what failed and Graph's reason. */
export function okBody(response: BatchResponse | undefined, what: string): unknown {
  if (!response || response.status >= 400) {
    const message = (response?.body as { error?: { message?: string } } | undefined)?.error?.message;
    throw new Error(`${what} failed (${response?.status ?? 'no answer'}): ${message ?? 'no detail'}`);
  }
  return response.body;
}
