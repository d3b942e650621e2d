import type { AccessKeySummary } from '../../shared/access-keys/types';

/** 2026-12-02T10:00:00.000Z as people read it: 2026-12-02 10:00 UTC. */
const readableTime = (iso: string) => iso.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}).*$/, '$1 $2 UTC');

/**
 * How main's own dialogs name an access key. The page can rename a key at will
 * (a hostile script could call the production key "old-unused" just before
 * asking to delete it), so the key is named by what the page cannot change:
 * its ID, when it was created and its APIKey's fingerprint. The name comes
 * last, labelled as the name it has now.
 */
export function keyIdentity(key: AccessKeySummary): { title: string; lines: string } {
  return {
    title: `access key ${key.id}`,
    lines: [
      `Access Key ID: ${key.id}`,
      `Created: ${readableTime(key.createdAt)}`,
      `APIKey fingerprint: ${key.fingerprint} (APIKey ${key.apiKey})`,
      `Name (as currently set): "${key.name}"`,
    ].join('\n'),
  };
}
