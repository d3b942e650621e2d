/** Shown when reconciliation (or a reveal) found no APISecret in the keychain for this key. */
export function SecretMissingBadge() {
  return (
    <span className="badge badge-warning" title="The APISecret of this access key is not in the OS keychain.">
      secret missing
    </span>
  );
}
