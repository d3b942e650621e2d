import { useId, useRef } from 'react';
import { Icon } from './Icon';

const copyKeys = typeof navigator !== 'undefined' && /Mac/i.test(navigator.userAgent) ? '⌘C' : 'Ctrl+C';

/**
 * The curl command in a read-only text area. The window has no clipboard
 * permission and there is no channel for copying arbitrary text, so the user
 * selects it (focus selects all) and copies with the keyboard.
 */
export function CurlBox({ curl, signatureOnSend = false }: { curl: string; signatureOnSend?: boolean }) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const selectAll = () => {
    area.current?.focus();
    area.current?.select();
  };
  const lines = curl.split('\n').length;

  return (
    <section className="code-section" aria-labelledby={`${id}-title`}>
      <div className="code-section-header">
        <h3 id={`${id}-title`} className="code-section-title">
          curl
        </h3>
        <span id={`${id}-hint`} className="code-section-note">
          Select and copy ({copyKeys})
        </span>
        <button type="button" className="button button-small" onClick={selectAll}>
          <Icon name="copy" size={14} />
          <span>Select all</span>
        </button>
      </div>
      <textarea ref={area} className="code-block curl-box" readOnly value={curl} rows={Math.min(lines, 12)} aria-label="curl command"
        aria-describedby={`${id}-hint`} spellCheck={false} onFocus={(event) => event.currentTarget.select()} />
      {signatureOnSend ? (
        <p className="field-hint">The signature is added when you press Send (the Authorization above ends in a placeholder); the command that was sent, signed, is shown with the response.</p>
      ) : (
        <p className="field-hint">Carries the signature, never the APISecret. The signature holds the time it was made: sign again if the gateway says it expired.</p>
      )}
    </section>
  );
}
