import { describe, expect, it } from 'vitest';
import { exponentialBackoff, retrying, RetryLater, waitForRetryAfter } from './retry';

describe('retrying', () => {
  it('retries until the work succeeds, waiting as the policy says', async () => {
    const waits: number[] = [];
    const result = await retrying(
      async (attempt) => {
        if (attempt < 3) throw new Error(`attempt ${attempt}`);
        return attempt;
      },
      (attempt, error) => {
        waits.push(attempt);
        return error instanceof Error ? 0 : undefined;
      },
    );
    expect(result).toBe(3);
    expect(waits).toEqual([2, 3]);
  });
  it('passes the last error on when the policy gives up', async () => {
    await expect(retrying(() => Promise.reject(new Error('down')), exponentialBackoff(3, 0))).rejects.toThrow('down');
    expect([2, 3, 4].map((a) => exponentialBackoff(3, 500)(a))).toEqual([500, 1000, undefined]);
  });
  it('retries only what asks to be retried later, honouring its wait up to 30 s', () => {
    const policy = waitForRetryAfter(10);
    expect(policy(2, new RetryLater('busy', 3))).toBe(3000);
    expect(policy(2, new RetryLater('busy', 120))).toBe(30_000);
    expect(policy(11, new RetryLater('busy', 1))).toBeUndefined();
    expect(policy(2, new Error('refused'))).toBeUndefined();
  });
});
