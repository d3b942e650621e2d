import type { SecretStatus } from '../../../electron/shared/access-keys/types';
import { unreadableWords } from '../keychain-state';
import { useKeychainState } from '../queries/keychain';

/** Shown when reconciliation (or a reveal) read the keychain and found no APISecret for this key. */
export function SecretMissingBadge() {
  return (
    <span className="badge badge-warning" title="The OS keychain was read and has no APISecret for this access key.">
      secret missing
    </span>
  );
}

/** The keychain could not be read: the APISecret may well be there, so this never says "missing". */
function SecretUnreadableBadge() {
  const keychain = useKeychainState();
  return (
    <span className="badge badge-neutral" title="Gatekey cannot read the OS keychain right now, so it cannot tell whether this APISecret is there. Nothing was removed.">
      {unreadableWords(keychain)}
    </span>
  );
}

/** A badge only when something is wrong with the key's APISecret; nothing while it is present or unchecked. */
export function SecretStatusBadge({ status }: { status: SecretStatus }) {
  if (status === 'missing') return <SecretMissingBadge />;
  if (status === 'unreadable') return <SecretUnreadableBadge />;
  return null;
}
