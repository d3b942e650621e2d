import type { StoreData } from '../../../shared/store/schema';
import type { RecordStore } from '../../ports/record-store';

/** What applying or planning learnt that the store should remember. */
export type LinkChange =
  | { kind: 'link'; authorizationId: string; region: string; accessAuthId: string; apiKey: string }
  | { kind: 'tombstoneDone'; region: string; accessAuthId: string };

/**
 * Saves links and finished tombstones in batches: one save per batch rather
 * than one per item, because a save writes the whole data file and a plan of
 * 1,000 items would otherwise write it 1,000 times. Losing a batch (a crash, a
 * store that cannot be written) costs nothing but a re-read: the next plan finds
 * an authorization again by its APIKey, and a tombstone whose remote is gone is
 * dropped then.
 */
export function linkRecorder(store: RecordStore, now: () => Date, { maxBatch = 200, maxWaitMs = 500 } = {}) {
  let pending: LinkChange[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> = Promise.resolve();

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    if (batch.length > 0) {
      saving = saving.then(() =>
        store
          .update((draft) => applyChanges(draft, batch, now()))
          .then(() => undefined)
          // The gateway's changes stand; what was not saved is found again by the next plan.
          .catch(() => undefined),
      );
    }
    return saving;
  }

  return {
    add(change: LinkChange): void {
      pending.push(change);
      if (pending.length >= maxBatch) void flush();
      else timer ??= setTimeout(() => void flush(), maxWaitMs);
    },
    /** Saves what is pending and waits for every save started so far. */
    flush,
  };
}

/** Records are replaced, never mutated: the draft shares them with the data it came from. */
export function applyChanges(draft: StoreData, changes: readonly LinkChange[], when: Date): void {
  const links = changes.filter((change) => change.kind === 'link');
  if (links.length > 0) {
    const positions = new Map(draft.authorizations.map((authorization, index) => [authorization.id, index]));
    for (const { authorizationId, region, accessAuthId, apiKey } of links) {
      const index = positions.get(authorizationId);
      if (index === undefined) {
        // Deleted here while its create was being applied: the delete saw no link, so remember it now and the next plan deletes it there.
        if (!draft.jdcloud.deletedAuthorizations.some((t) => t.region === region && t.accessAuthId === accessAuthId)) {
          draft.jdcloud.deletedAuthorizations = [...draft.jdcloud.deletedAuthorizations, { region, accessAuthId, apiKey, deletedAt: when.toISOString() }];
        }
        continue;
      }
      const record = draft.authorizations[index]!;
      if (record.remote?.some((link) => link.region === region && link.accessAuthId === accessAuthId)) continue;
      draft.authorizations[index] = { ...record, remote: [...(record.remote ?? []).filter((link) => link.region !== region), { region, accessAuthId }] };
    }
  }
  const done = new Set(changes.flatMap((change) => (change.kind === 'tombstoneDone' ? [`${change.region}/${change.accessAuthId}`] : [])));
  if (done.size > 0) draft.jdcloud.deletedAuthorizations = draft.jdcloud.deletedAuthorizations.filter((t) => !done.has(`${t.region}/${t.accessAuthId}`));
}
