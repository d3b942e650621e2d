/** Waits between attempts to save after a failure; the last one repeats. */
const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/** Retries a failed save later, backing off; never keeps the process alive. */
export class SaveRetry {
  private pending: { timer: NodeJS.Timeout; attempt: number } | undefined;

  /** Runs `retry` after the next delay of the back-off. */
  schedule(retry: () => void): void {
    const attempt = this.pending ? this.pending.attempt + 1 : 0;
    this.cancel();
    const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!;
    const timer = setTimeout(retry, delay);
    timer.unref?.();
    this.pending = { timer, attempt };
  }

  /** Stops a scheduled retry (closing); the back-off goes on from where it was. */
  cancel(): void {
    if (this.pending) clearTimeout(this.pending.timer);
  }

  /** A save succeeded: cancel, and start the back-off afresh next time. */
  reset(): void {
    this.cancel();
    this.pending = undefined;
  }
}
