import { errorMessage, errorTitle, type IpcError } from '../api';
import { EmptyState } from './EmptyState';

/** A list that could not be loaded. An unreadable data file is already explained by the banner above. */
export function ListProblem({ error, what }: { error: IpcError; what: string }) {
  if (error.code === 'STORE_UNREADABLE') {
    return <EmptyState icon="warning" title={`No ${what} to show`}>Gatekey could not open its data file (see above).</EmptyState>;
  }
  return (
    <EmptyState icon="warning" title={errorTitle(error)}>
      <p role="alert">{errorMessage(error)}</p>
    </EmptyState>
  );
}
