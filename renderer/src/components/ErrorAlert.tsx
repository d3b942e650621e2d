import { errorMessage, errorTitle, type IpcError } from '../api';
import { Icon } from './Icon';

/** An error from main, as a heading in our words and main's explanation (cause and fix). */
export function ErrorAlert({ error, id, compact = false }: { error: IpcError; id?: string; compact?: boolean }) {
  return (
    <div id={id} role="alert" className={compact ? 'alert alert-error alert-compact' : 'alert alert-error'}>
      <Icon name="warning" />
      <div>
        <p className="alert-title">{errorTitle(error)}</p>
        <p className="alert-text">{errorMessage(error)}</p>
      </div>
    </div>
  );
}
