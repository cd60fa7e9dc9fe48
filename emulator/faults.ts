import { GraphError } from './http';

/**
 * Injected faults: `429:0.1,503:0.05,lost:0.02`. A 429/503 is answered before the request is processed;
 * "lost" processes the request and then answers 504, as a gateway timeout after a write would.
 */
export interface FaultPlan {
  throttle: { status: number; probability: number }[];
  lost: number;
  /**
   * The caller's process dies after this many more writes: every request after them fails (500) before it is
   * processed, so a flow stops exactly there, as a killed job would. For the reliability suite.
   */
  crashAfterWrites?: number;
}

export function parseFaults(spec: string | undefined): FaultPlan {
  const plan: FaultPlan = { throttle: [], lost: 0 };
  for (const part of (spec ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const match = /^(429|500|502|503|504|lost):(0(?:\.\d+)?|1(?:\.0+)?)$/.exec(part);
    if (!match?.[1] || !match[2]) throw new Error(`--faults: '${part}' is not status:probability (e.g. 429:0.1, lost:0.05)`);
    const probability = Number(match[2]);
    if (match[1] === 'lost') plan.lost = probability;
    else plan.throttle.push({ status: Number(match[1]), probability });
  }
  return plan;
}

export class FaultInjector {
  /** Faults answered so far, by kind: for reliability figures. */
  readonly injected = { throttled: 0, lost: 0 };

  constructor(
    public plan: FaultPlan,
    public retryAfterSeconds: number,
    private readonly random: () => number = Math.random,
  ) {}

  /** Throws the throttling fault this request draws, if any, or the crash once its writes are spent. */
  before(method = 'GET'): void {
    const left = this.plan.crashAfterWrites;
    if (left !== undefined) {
      if (left <= 0) throw new GraphError(500, 'generalException', 'Injected fault: the caller has crashed');
      if (method !== 'GET') this.plan.crashAfterWrites = left - 1;
    }
    for (const fault of this.plan.throttle) {
      if (this.random() < fault.probability) {
        this.injected.throttled++;
        const code = fault.status === 429 ? 'TooManyRequests' : 'serviceNotAvailable';
        throw new GraphError(fault.status, code, 'Injected fault: try again later', { 'Retry-After': String(this.retryAfterSeconds) });
      }
    }
  }

  /** Whether a processed write loses its response. */
  loseResponse(method: string): boolean {
    const lose = method !== 'GET' && this.plan.lost > 0 && this.random() < this.plan.lost;
    if (lose) this.injected.lost++;
    return lose;
  }
}
