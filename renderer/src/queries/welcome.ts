import { client } from '../api';
import { useAppStore } from '../store';
import { useAppStatus } from './app';
import { useResultMutation } from './mutation';

/** The first-run welcome shows until dismissed, and never over a data file Gatekey cannot read. */
export function useWelcomeVisible(): boolean {
  const firstRun = useAppStatus()?.firstRun === true;
  const dismissed = useAppStore((s) => s.welcomeDismissed);
  return firstRun && !dismissed;
}

/**
 * Hides the welcome at once and has main remember it. Not saved (e.g. a
 * read-only data folder): it shows again next start, which is all that is lost.
 */
export function useDismissWelcome() {
  const dismiss = useResultMutation((_: void) => client.app.dismissWelcome({}), {
    onFailed: (error) => useAppStore.getState().showToast(`The welcome will show again next time: ${error.message}`, 'error'),
  });
  return async () => {
    useAppStore.getState().hideWelcome();
    await dismiss.run();
  };
}

/** Each role's first step, then the welcome goes. */
export function useWelcomeStarts() {
  const dismiss = useDismissWelcome();
  return {
    /** The caller: the Access Key list with its Create dialog open. */
    async asCaller() {
      const ui = useAppStore.getState();
      ui.openAccessKeyList();
      ui.openCreateDialog();
      await dismiss();
    },
    /** The provider: the Access Authorization list with its Create dialog open. */
    async asProvider() {
      const ui = useAppStore.getState();
      ui.navigate({ name: 'authorizationList' });
      ui.openAuthorizationDialog({ kind: 'create' });
      await dismiss();
    },
  };
}
