import { useId } from 'react';
import { httpMethods, type HttpMethod } from '../store/test-call-slice';
import { Icon } from './Icon';

export interface TestCallRequestBarProps {
  method: HttpMethod;
  url: string;
  onMethod(method: HttpMethod): void;
  onUrl(url: string): void;
  onSend(): void;
  sending: boolean;
  /** Why Send is not possible yet, or null when it is. */
  blockedBecause: string | null;
  errors: { url?: string; method?: string };
}

const mac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.userAgent);
export const SEND_SHORTCUT = mac ? '⌘↵' : 'Ctrl+Enter';

/** Method, URL and Send on one line, as in the request line itself. */
export function TestCallRequestBar({ method, url, onMethod, onUrl, onSend, sending, blockedBecause, errors }: TestCallRequestBarProps) {
  const id = useId();
  const error = errors.url ?? errors.method;
  const describedBy = [error && `${id}-error`, blockedBecause && `${id}-blocked`].filter(Boolean).join(' ') || undefined;

  return (
    <div className="request-bar">
      <div className="request-bar-line">
        <div className="request-bar-method">
          <label htmlFor={`${id}-method`} className="field-label">
            Method
          </label>
          <select id={`${id}-method`} className="input select" value={method} aria-invalid={errors.method ? true : undefined}
            onChange={(event) => onMethod(event.target.value as HttpMethod)}>
            {httpMethods.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
        <div className="request-bar-url">
          <label htmlFor={`${id}-url`} className="field-label">
            URL
          </label>
          <input id={`${id}-url`} className="input input-mono" value={url} placeholder="https://xv3xbwah945y.cn-north-1.jdcloud-api.net/v1/items"
            aria-invalid={errors.url ? true : undefined} aria-describedby={describedBy} autoComplete="off" spellCheck={false}
            onChange={(event) => onUrl(event.target.value)} />
        </div>
        <button type="button" className="button button-primary request-bar-send" onClick={onSend} disabled={sending || blockedBecause !== null}
          aria-keyshortcuts="Control+Enter Meta+Enter" aria-describedby={blockedBecause ? `${id}-blocked` : undefined}>
          {sending ? <span className="spinner" aria-hidden="true" /> : <Icon name="send" size={14} />}
          <span>{sending ? 'Sending…' : 'Send'}</span>
          <kbd className="request-bar-kbd" aria-hidden="true">
            {SEND_SHORTCUT}
          </kbd>
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {blockedBecause && (
        <p id={`${id}-blocked`} className="field-hint">
          {blockedBecause}
        </p>
      )}
    </div>
  );
}
