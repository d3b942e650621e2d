import type { Operation } from './routes';

/**
 * Injected faults: matched by operation (or any), taken in the order they were
 * injected, each `times` times. Only requests whose signature is valid meet a
 * fault, so a fault never hides an authentication bug.
 */
export type FaultKind =
  /** Answer 429/500/503 without applying (429 with Retry-After when retryAfterSeconds is given). */
  | { kind: 'status'; status: 429 | 500 | 503; retryAfterSeconds?: number }
  /** Destroy the connection without applying or answering. */
  | { kind: 'dropBeforeApply' }
  /** Apply the operation, then destroy the connection without a reply. */
  | { kind: 'dropAfterApply' }
  /** Apply the operation, then answer 500/503 as if it had failed. */
  | { kind: 'statusAfterApply'; status: 500 | 503 }
  /** Wait, then handle the request normally (applied even if the client gave up meanwhile). */
  | { kind: 'delay'; ms: number };

export type Fault = { operation?: Operation; times?: number } & FaultKind;

export interface PendingFault {
  fault: Fault;
  remaining: number;
}

export class FaultQueue {
  private readonly pending: PendingFault[] = [];

  inject(fault: Fault): void {
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new RangeError('A fault happens at least once (times >= 1).');
    this.pending.push({ fault, remaining: times });
  }

  /** Takes one use of the first fault that matches the operation. */
  take(operation: Operation): Fault | undefined {
    const index = this.pending.findIndex((p) => p.fault.operation === undefined || p.fault.operation === operation);
    if (index < 0) return undefined;
    const entry = this.pending[index]!;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.pending.splice(index, 1);
    return entry.fault;
  }

  list(): PendingFault[] {
    return this.pending.map((p) => ({ fault: { ...p.fault }, remaining: p.remaining }));
  }

  clear(): void {
    this.pending.length = 0;
  }
}
