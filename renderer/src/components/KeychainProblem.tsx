import type { ReactNode } from 'react';
import { keychainAdvice, keychainHeading, type UnreadableKeychain } from '../keychain-state';
import { Icon } from './Icon';

export interface KeychainProblemProps {
  keychain: UnreadableKeychain;
  /** What trying again does, e.g. "Check again" or "Try again". */
  retryLabel: string;
  retrying: boolean;
  onRetry(): void;
  compact?: boolean;
  /** What this place cannot do until then; by default (not when compact, where the notice says it), that no APISecret can be called missing. */
  children?: ReactNode;
}

export const NOT_MISSING = 'Nothing was removed. Until the keychain can be read, Gatekey cannot tell whether an APISecret is there.';

/**
 * The keychain cannot be read (locked, not answering, not there): which of these,
 * how to fix it, and a way to try again. It never says an APISecret is missing,
 * and it offers nothing that deletes.
 */
export function KeychainProblem({ keychain, retryLabel, retrying, onRetry, compact = false, children }: KeychainProblemProps) {
  return (
    <div role="alert" className={compact ? 'alert alert-warning alert-compact' : 'alert alert-warning'}>
      <Icon name="warning" />
      <div>
        <p className="alert-title">{keychainHeading(keychain)}</p>
        <p className="alert-text">{keychainAdvice(keychain)}</p>
        {children ?? (!compact && <p className="alert-text">{NOT_MISSING}</p>)}
        <div className="alert-actions">
          <button type="button" className="button button-small" onClick={onRetry} disabled={retrying}>
            <Icon name="refresh" size={14} />
            <span>{retrying ? 'Checking…' : retryLabel}</span>
          </button>
        </div>
      </div>
    </div>
  );
}
