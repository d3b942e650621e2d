import { useEffect, useState } from 'react';
import { Icon } from './Icon';

export interface CopyButtonProps {
  /** The accessible name, e.g. "Copy APIKey". */
  label: string;
  /** Resolves true when the copy worked; the caller reports failures. */
  onCopy(): Promise<boolean>;
  /** Show the word "Copy" beside the icon. */
  withText?: boolean;
  disabled?: boolean;
}

/** A copy button that confirms with a check mark for a moment. */
export function CopyButton({ label, onCopy, withText = false, disabled = false }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'pending' | 'copied'>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    setState('pending');
    setState((await onCopy()) ? 'copied' : 'idle');
  };

  return (
    <button
      type="button"
      className={withText ? 'button button-small' : 'icon-button'}
      aria-label={label}
      title={label}
      onClick={copy}
      disabled={disabled || state === 'pending'}
    >
      <Icon name={state === 'copied' ? 'check' : 'copy'} size={14} />
      {withText && <span>{state === 'copied' ? 'Copied' : 'Copy'}</span>}
    </button>
  );
}
