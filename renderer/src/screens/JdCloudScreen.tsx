import { useState } from 'react';
import type { JdAccountView } from '../../../electron/shared/jdcloud/types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { EmptyState } from '../components/EmptyState';
import { ListProblem } from '../components/ListProblem';
import { AccountCard, type ConnectionCheck } from '../components/jdcloud/AccountCard';
import { ConnectDialog } from '../components/jdcloud/ConnectDialog';
import { LastApplyCard } from '../components/jdcloud/LastApplyCard';
import { PlanCard } from '../components/jdcloud/PlanCard';
import { PullCard } from '../components/jdcloud/PullCard';
import type { IpcError } from '../api';
import { useStoreReadOnly } from '../queries/app';
import { useJdAccount, useJdCheckConnection, useJdDisconnect } from '../queries/jdcloud';
import { ipcErrorOf } from '../queries/unwrap';

type AccountDialog = 'connect' | 'disconnect' | null;

/** JD Cloud API Gateway: the account, then pull, plan and apply, and the last apply's summary. */
export function JdCloudScreen() {
  const account = useJdAccount();
  const readOnly = useStoreReadOnly();
  const checkConnection = useJdCheckConnection();
  const disconnect = useJdDisconnect();
  const [dialog, setDialog] = useState<AccountDialog>(null);
  const [check, setCheck] = useState<ConnectionCheck>({ state: 'idle' });
  const [disconnectError, setDisconnectError] = useState<IpcError | null>(null);

  const runCheck = async () => {
    setCheck({ state: 'checking' });
    const result = await checkConnection.run(undefined);
    setCheck(result.ok ? { state: 'ok', regions: result.data.regions } : { state: 'failed', error: result.error });
  };

  // Connecting checks nothing by itself: check at once, so a wrong key or clock shows here, not at the first pull.
  const connected = (_: JdAccountView) => {
    setDialog(null);
    void runCheck();
  };

  const confirmDisconnect = async () => {
    const result = await disconnect.run(undefined);
    if (result.ok || result.error.code === 'NOT_CONFIRMED') {
      setDialog(null);
      setCheck({ state: 'idle' });
    } else setDisconnectError(result.error);
  };

  let body;
  if (account.isPending) body = <p className="loading" role="status">Loading the JD Cloud account…</p>;
  else if (account.isError) body = <ListProblem error={ipcErrorOf(account.error)} what="JD Cloud account" />;
  else if (account.data === null) {
    body = (
      <EmptyState
        icon="cloud"
        title="No JD Cloud account connected"
        action={
          <button type="button" className="button button-primary" onClick={() => setDialog('connect')} disabled={readOnly}>
            Connect account
          </button>
        }
      >
        <p>
          Connect your JD Cloud account so that the authorizations you make here take effect in JD Cloud API Gateway. You need an AccessKey ID and
          SecretKey of the account with API Gateway permissions, and the regions your API groups are in.
        </p>
        <p>The SecretKey goes to the OS keychain. Nothing is sent to JD Cloud until you check, pull or apply.</p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <AccountCard
          account={account.data}
          check={check}
          readOnly={readOnly}
          onCheck={() => void runCheck()}
          onChange={() => setDialog('connect')}
          onDisconnect={() => {
            setDisconnectError(null);
            setDialog('disconnect');
          }}
        />
        <PullCard regions={account.data.regions} readOnly={readOnly} />
        <PlanCard account={account.data} readOnly={readOnly} />
        <LastApplyCard />
      </>
    );
  }

  return (
    <div className="screen">
      <header className="screen-header">
        <div>
          <h1 className="screen-title">JD Cloud</h1>
          <p className="screen-subtitle">Make your authorizations take effect in JD Cloud API Gateway: pull, review the plan, apply.</p>
        </div>
      </header>
      {body}
      {dialog === 'connect' && <ConnectDialog account={account.data ?? null} onDone={connected} onCancel={() => setDialog(null)} />}
      {dialog === 'disconnect' && account.data && (
        <ConfirmDialog
          title="Disconnect the JD Cloud account?"
          confirmLabel="Disconnect"
          pendingLabel="Disconnecting…"
          pending={disconnect.pending}
          error={disconnectError}
          onConfirm={() => void confirmDisconnect()}
          onCancel={() => setDialog(null)}
        >
          <p>
            The SecretKey of <code>{account.data.accessKeyId}</code> is deleted from the OS keychain. Nothing changes in JD Cloud, and the links
            between Gatekey’s records and JD Cloud stay, for when you connect again.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
