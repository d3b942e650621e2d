import { useEffect, useRef, useState } from 'react';
import { api, type IpcError } from '../api';
import { useAppStore } from '../store';
import { ErrorAlert } from './ErrorAlert';
import { Icon } from './Icon';

/** A shown secret hides itself again after this long. */
export const REVEAL_MS = 60_000;

/**
 * The APISecret: masked until the user presses Show. The revealed value lives
 * only in this component's state — never in the store — and is dropped on Hide,
 * after REVEAL_MS, and when the component unmounts (navigation).
 */
export function SecretField({ accessKeyId }: { accessKeyId: string }) {
  const [secret, setSecret] = useState<string | null>(null);
  const [pending, setPending] = useState<'reveal' | 'copy' | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  // Hide during a pending reveal must win over the answer that arrives later.
  const revealRequest = useRef(0);
  const showToast = useAppStore((s) => s.showToast);
  const markSecretMissing = useAppStore((s) => s.markSecretMissing);

  useEffect(() => {
    if (secret === null) return;
    const timer = setTimeout(() => setSecret(null), REVEAL_MS);
    return () => clearTimeout(timer);
  }, [secret]);

  const fail = (failure: IpcError) => {
    setError(failure);
    if (failure.code === 'SECRET_MISSING') markSecretMissing(accessKeyId);
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
    const result = await api.revealAccessKeySecret(accessKeyId);
    if (request !== revealRequest.current) return;
    setPending(null);
    if (result.ok) setSecret(result.data.secret);
    else fail(result.error);
  };

  const copy = async () => {
    setPending((p) => p ?? 'copy');
    setError(null);
    // Main copies the secret itself and clears the clipboard later; it never comes through here.
    const result = await api.copyAccessKeySecret(accessKeyId);
    setPending((p) => (p === 'copy' ? null : p));
    if (result.ok) showToast(`APISecret copied. The clipboard will be cleared in ${result.data.clearsAfterSeconds} s`);
    else fail(result.error);
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
      {error && <ErrorAlert error={error} compact />}
    </div>
  );
}
