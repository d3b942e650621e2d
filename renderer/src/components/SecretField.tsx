import { useEffect, useRef, useState } from 'react';
import type { AccessKeySummary } from '../../../electron/shared/access-keys/types';
import { client, type IpcError } from '../api';
import { keychainStateOf } from '../keychain-state';
import { setSecretStatus } from '../queries/access-keys';
import { keychainAnswered, noteKeychainError } from '../queries/keychain';
import { useAppStore } from '../store';
import { ErrorAlert } from './ErrorAlert';
import { Icon } from './Icon';
import { KeychainProblem } from './KeychainProblem';
import { SecretMissingHelp } from './SecretMissingHelp';

/** A shown secret hides itself again after this long. */
export const REVEAL_MS = 60_000;

/**
 * The APISecret: masked until the user presses Show. The revealed value lives
 * only in this component's state — never in the store or the query cache (reveal
 * is a plain call, not a query) — and is dropped on Hide,
 * after REVEAL_MS, and when the component unmounts (navigation).
 */
export function SecretField({ accessKey }: { accessKey: Pick<AccessKeySummary, 'id' | 'name'> }) {
  const accessKeyId = accessKey.id;
  const [secret, setSecret] = useState<string | null>(null);
  const [pending, setPending] = useState<'reveal' | 'copy' | null>(null);
  const [error, setError] = useState<{ failure: IpcError; retry(): void } | null>(null);
  // Hide during a pending reveal must win over the answer that arrives later.
  const revealRequest = useRef(0);
  const showToast = useAppStore((s) => s.showToast);

  useEffect(() => {
    if (secret === null) return;
    const timer = setTimeout(() => setSecret(null), REVEAL_MS);
    return () => clearTimeout(timer);
  }, [secret]);

  const fail = (failure: IpcError, retry: () => void) => {
    setError({ failure, retry });
    noteKeychainError(failure, accessKeyId);
  };

  // Main read the secret: a "secret missing" or "keychain locked" badge from before is wrong now (put back behind the app's back).
  const found = () => {
    setSecretStatus(accessKeyId, 'present');
    keychainAnswered();
  };

  const toggle = async () => {
    const request = ++revealRequest.current;
    if (secret !== null || pending === 'reveal') {
      setSecret(null);
      setPending(null);
      return;
    }
    setPending('reveal');
    setError(null);
    const result = await client.accessKeys.revealSecret({ id: accessKeyId });
    if (request !== revealRequest.current) return;
    setPending(null);
    if (!result.ok) return fail(result.error, () => void toggle());
    setSecret(result.data.secret);
    found();
  };

  const copy = async () => {
    setPending((p) => p ?? 'copy');
    setError(null);
    // Main copies the secret itself and clears the clipboard later; it never comes through here.
    const result = await client.accessKeys.copySecret({ id: accessKeyId });
    setPending((p) => (p === 'copy' ? null : p));
    if (!result.ok) return fail(result.error, () => void copy());
    showToast(`APISecret copied. The clipboard will be cleared in ${result.data.clearsAfterSeconds} s`);
    found();
  };

  const shown = secret !== null;
  return (
    <div className="secret-field">
      <div className="cell-with-action">
        {shown ? (
          <code className="secret-value">{secret}</code>
        ) : (
          <span className="secret-mask">
            <span aria-hidden="true">••••••••</span>
            <span className="visually-hidden">APISecret hidden</span>
          </span>
        )}
        <button type="button" className="button button-small" aria-label={shown ? 'Hide APISecret' : 'Show APISecret'} onClick={toggle}>
          <Icon name={shown ? 'eyeOff' : 'eye'} size={14} />
          <span>{pending === 'reveal' ? 'Showing…' : shown ? 'Hide' : 'Show'}</span>
        </button>
        <button type="button" className="button button-small" aria-label="Copy APISecret" onClick={copy} disabled={pending === 'copy'}>
          <Icon name="copy" size={14} />
          <span>Copy</span>
        </button>
      </div>
      {shown && <p className="field-hint">Hidden again automatically after {REVEAL_MS / 1000} seconds.</p>}
      {error && <SecretProblem accessKey={accessKey} error={error.failure} retrying={pending !== null} onRetry={error.retry} onRestored={() => setError(null)} />}
    </div>
  );
}

/** Why the secret could not be shown or copied: missing (with re-enter first), or a keychain that cannot be read (with a retry). */
function SecretProblem({ accessKey, error, retrying, onRetry, onRestored }: { accessKey: Pick<AccessKeySummary, 'id' | 'name'>; error: IpcError; retrying: boolean; onRetry(): void; onRestored(): void }) {
  if (error.code === 'SECRET_MISSING') return <SecretMissingHelp accessKey={accessKey} onRestored={onRestored} compact />;
  const keychain = keychainStateOf(error);
  if (keychain) return <KeychainProblem keychain={keychain} retryLabel="Try again" retrying={retrying} onRetry={onRetry} compact />;
  return <ErrorAlert error={error} compact />;
}
