import { useState } from 'react';
import { useAuthorization } from '../queries/authorizations';
import { useAppStore } from '../store';
import type { AuthorizationDialog } from '../store/authorizations-slice';
import { BindDialog } from './BindDialog';
import { CreateAuthorizationDialog } from './CreateAuthorizationDialog';
import { DeleteAuthorizationDialog } from './DeleteAuthorizationDialog';
import { EditAuthorizationDialog } from './EditAuthorizationDialog';

function ForAuthorization({ dialog }: { dialog: Exclude<AuthorizationDialog, { kind: 'create' }> }) {
  const current = useAuthorization(dialog.id);
  // Deleted meanwhile: the dialog stays on its last copy so the error it got can be read; Cancel closes it.
  const [last, setLast] = useState(current);
  if (current && current !== last) setLast(current);
  const authorization = current ?? last;
  if (!authorization) return null;
  switch (dialog.kind) {
    case 'edit':
      return <EditAuthorizationDialog authorization={authorization} />;
    case 'bind':
      return <BindDialog authorization={authorization} gone={!current} />;
    case 'delete':
      return <DeleteAuthorizationDialog authorization={authorization} />;
  }
}

/** Whichever Access Authorization dialog the store has open. */
export function AuthorizationDialogs() {
  const dialog = useAppStore((s) => s.authorizationDialog);
  if (!dialog) return null;
  // Keyed: another authorization's dialog starts fresh.
  return dialog.kind === 'create' ? <CreateAuthorizationDialog /> : <ForAuthorization key={`${dialog.kind}-${dialog.id}`} dialog={dialog} />;
}
