import type { AuthorizationSummary } from '../../../electron/shared/authorizations/types';

/** The caller's identifier as handed over, and the name of this app's own key when it is one of them. */
export function CallerKey({ authorization, id }: { authorization: AuthorizationSummary; id?: string }) {
  return (
    <span className="caller-key">
      <code id={id} className="caller-key-value">
        {authorization.callerKey}
      </code>
      {authorization.fingerprint && (
        <span className="cell-secondary">
          Fingerprint <code className="fingerprint">{authorization.fingerprint}</code>
        </span>
      )}
      {authorization.localAccessKey && (
        <span className="cell-secondary">
          Your key: <span dir="auto">{authorization.localAccessKey.name}</span>
        </span>
      )}
    </span>
  );
}
