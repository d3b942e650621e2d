import { useIsMutating } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { JdAccountView, Plan } from '../../../../electron/shared/jdcloud/types';
import type { IpcError } from '../../api';
import { formatDateTime } from '../../format';
import { JD_APPLY_KEY, useJdApply, useJdCancelApply, useJdPlan } from '../../queries/jdcloud';
import { ipcErrorOf } from '../../queries/unwrap';
import { useAppStore } from '../../store';
import { EmptyState } from '../EmptyState';
import { ErrorAlert } from '../ErrorAlert';
import { Icon } from '../Icon';
import { ApplyConfirmDialog } from './ApplyConfirmDialog';
import { ApplyProgress } from './ApplyProgress';
import { PlanItemList } from './PlanItemList';
import { PlanNotes } from './PlanNotes';
import { countWords, planActionOrder } from './plan-words';

type Phase = 'idle' | 'confirm' | 'running';

/** The difference between Gatekey and JD Cloud as operations; the user excludes items, then applies the rest. */
export function PlanCard({ account, readOnly }: { account: JdAccountView; readOnly: boolean }) {
  const plan = useJdPlan();
  const apply = useJdApply();
  const cancelApply = useJdCancelApply();
  const showToast = useAppStore((s) => s.showToast);
  const noteProgress = useAppStore((s) => s.noteProgress);
  // Exclusions belong to one plan: a new plan starts with every item included.
  const [excluded, setExcluded] = useState<{ planAt: string; ids: ReadonlySet<string> }>({ planAt: '', ids: new Set() });
  const [phase, setPhase] = useState<Phase>('idle');
  const [cancelling, setCancelling] = useState(false);
  const [applyError, setApplyError] = useState<IpcError | null>(null);

  const data = plan.data;
  const excludedIds = data && excluded.planAt === data.createdAt ? excluded.ids : new Set<string>();
  const selected = data?.items.filter((item) => !excludedIds.has(item.id)) ?? [];
  // An apply started before the user left this page and came back is still running in main.
  const applying = useIsMutating({ mutationKey: JD_APPLY_KEY }) > 0;
  const running = phase === 'running' || applying;

  const toggle = (changed: string[], include: boolean) => {
    const ids = new Set(excludedIds);
    for (const id of changed) {
      if (include) ids.delete(id);
      else ids.add(id);
    }
    setExcluded({ planAt: data?.createdAt ?? '', ids });
  };

  const runApply = async () => {
    setPhase('running');
    setCancelling(false);
    setApplyError(null);
    const result = await apply.run({ itemIds: selected.map((item) => item.id) });
    // Whatever happened, the bar is done: a failed apply sends no last event.
    noteProgress('jdApply', 0, 0);
    setPhase('idle');
    if (!result.ok) {
      if (result.error.code !== 'NOT_CONFIRMED') setApplyError(result.error);
      return;
    }
    const { counts, cancelled, stoppedBy } = result.data;
    const words = `${counts.applied} applied, ${counts.alreadyDone} already done, ${counts.failed} failed${counts.notRun > 0 ? `, ${counts.notRun} not run` : ''}`;
    const heading = stoppedBy ? 'Apply stopped: JD Cloud refused the account' : cancelled ? 'Apply cancelled' : 'Apply finished';
    showToast(`${heading}: ${words}`, counts.failed > 0 ? 'error' : 'success');
    await plan.refetch();
  };

  const cancel = async () => {
    setCancelling(true);
    const result = await cancelApply.run(undefined);
    if (!result.ok) {
      setCancelling(false);
      showToast(result.error.message, 'error');
    }
  };

  const planButton = (
    <button type="button" className={data ? 'button' : 'button button-primary'} onClick={() => void plan.refetch()} disabled={plan.isFetching || running}>
      <Icon name="refresh" />
      <span>{plan.isFetching ? 'Planning…' : data ? 'Plan again' : 'Plan'}</span>
    </button>
  );

  return (
    <section className="card" aria-labelledby="jd-plan-title">
      <div className="jd-card-head">
        <h2 id="jd-plan-title" className="card-title">
          Plan and apply
        </h2>
        <div className="toolbar">
          {planButton}
          {data && data.items.length > 0 && (
            <button type="button" className="button button-primary" onClick={() => setPhase('confirm')} disabled={selected.length === 0 || running || plan.isFetching || readOnly}>
              <Icon name="send" />
              <span>Apply {selected.length} of {data.items.length}</span>
            </button>
          )}
        </div>
      </div>
      <p className="card-text">
        Compares Gatekey’s authorizations and bindings with JD Cloud’s and lists what apply would change. Planning sends no change.
      </p>
      {plan.isError && !plan.isFetching && <ErrorAlert error={ipcErrorOf(plan.error)} />}
      {applyError && <ErrorAlert error={applyError} />}
      {running && <ApplyProgress total={selected.length} cancelling={cancelling} onCancel={() => void cancel()} />}
      {data && <PlanBody plan={data} excludedIds={excludedIds} disabled={running} onToggle={toggle} />}
      {phase === 'confirm' && <ApplyConfirmDialog items={selected} account={account} onCancel={() => setPhase('idle')} onConfirm={() => void runApply()} />}
    </section>
  );
}

function PlanBody({ plan, excludedIds, disabled, onToggle }: { plan: Plan; excludedIds: ReadonlySet<string>; disabled: boolean; onToggle(ids: string[], include: boolean): void }) {
  // Per plan, not per render: each list's rows keep their identity while items are toggled.
  const groups = useMemo(
    () => planActionOrder.map((action) => ({ action, items: plan.items.filter((item) => item.action === action) })).filter((group) => group.items.length > 0),
    [plan],
  );
  return (
    <div className="jd-plan" aria-label="Plan">
      <p className="jd-plan-meta" role="status">
        Planned {formatDateTime(plan.createdAt)} for {plan.regions.join(', ')}:{' '}
        {plan.items.length === 0 ? 'nothing to apply.' : `${planActionOrder.filter((a) => plan.counts[a] > 0).map((a) => countWords(a, plan.counts[a])).join(', ')}.`}
      </p>
      {plan.items.length === 0 ? (
        <EmptyState icon="check" title="Nothing to apply">
          JD Cloud already matches Gatekey’s authorizations and bindings in {plan.regions.join(', ')}.
        </EmptyState>
      ) : (
        groups.map(({ action, items }) => (
          <PlanItemList
            key={action}
            action={action}
            items={items}
            excludedIds={excludedIds}
            disabled={disabled}
            onToggle={(id, include) => onToggle([id], include)}
            onToggleAll={onToggle}
          />
        ))
      )}
      <PlanNotes plan={plan} />
    </div>
  );
}
