import type { StoreStatus } from '../shared/store/status';

/**
 * The store's status. Every change goes through `value`, so the window hears
 * of each one (main's storeStatus event) and of nothing that is not one.
 */
export class StatusCell {
  constructor(
    private latest: StoreStatus,
    private readonly onStatus: (status: StoreStatus) => void = () => undefined,
  ) {}

  get value(): StoreStatus {
    return this.latest;
  }

  set value(status: StoreStatus) {
    const before = this.latest;
    this.latest = status;
    if (JSON.stringify(before) !== JSON.stringify(status)) this.onStatus(status);
  }
}
