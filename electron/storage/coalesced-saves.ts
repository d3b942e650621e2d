/**
 * One save at a time, and at most one waiting behind it: the waiting one
 * starts only when the running one is done, so it carries every change made
 * until then. A burst of changes is written together, not one write each.
 */
export class CoalescedSaves {
  private running: Promise<void> | undefined;
  private waiting: Promise<void> | undefined;

  constructor(private readonly save: () => Promise<void>) {}

  /** Resolves once a save that started after this call has finished (successfully or not). */
  request(): Promise<void> {
    this.waiting ??= (async () => {
      await this.running;
      this.waiting = undefined;
      this.running = this.save();
      await this.running;
    })();
    return this.waiting;
  }

  /** Waits for the saves in flight. */
  async settled(): Promise<void> {
    await this.waiting;
    await this.running;
  }
}
