import type { AccessKeySummary } from '../../../../electron/shared/access-keys/types';

/**
 * Where the key's APISecret is known, for the details page: a key created in (or
 * pulled from) JD Cloud names its remote key; a local-only key says that no gateway knows it.
 */
export function KeyGatewayInfo({ accessKey }: { accessKey: Pick<AccessKeySummary, 'remote'> }) {
  const { remote } = accessKey;
  if (!remote) {
    return (
      <div className="jd-key-line">
        <span>Local only: no gateway knows this key’s secret.</span>
        <p className="field-hint">To use it with JD Cloud API Gateway, create the key in JD Cloud instead.</p>
      </div>
    );
  }
  return (
    <div className="jd-key-line">
      <span>
        JD Cloud key <code>{remote.keyId}</code> ({remote.region})
      </span>
      <p className="field-hint">Deleting here does not delete the key in JD Cloud: delete it in the JD Cloud console (API Gateway → Access Keys).</p>
    </div>
  );
}
