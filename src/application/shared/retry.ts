/**
 * The one retry loop: runs the work until it succeeds, or until the policy says to stop (it answers how long
 * to wait before the next attempt, or undefined to give up and pass the last error on).
 */
export async function retrying<T>(work: (attempt: number) => Promise<T>, waitBefore: (attempt: number, error: unknown) => number | undefined): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      const wait = waitBefore(attempt + 1, error);
      if (wait === undefined) throw error;
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** Backoff doubling from a first wait, for at most this many attempts in all. */
export const exponentialBackoff =
  (attempts: number, firstWaitMs: number) =>
  (attempt: number): number | undefined =>
    attempt > attempts ? undefined : firstWaitMs * 2 ** (attempt - 2);

/** A throttled or busy answer that says when to come back; retried by waitForRetryAfter. */
export class RetryLater extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'RetryLater';
  }
}

/** Honours the server's Retry-After (at most 30 s a wait), for at most this many attempts; other errors stop at once. */
export const waitForRetryAfter =
  (attempts: number) =>
  (attempt: number, error: unknown): number | undefined =>
    error instanceof RetryLater && attempt <= attempts ? Math.min(error.retryAfterSeconds, 30) * 1000 : undefined;
