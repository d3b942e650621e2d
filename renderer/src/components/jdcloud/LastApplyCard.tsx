import type { ApplyItemResult, ApplyOutcome, ApplyReport, PlanItem } from '../../../../electron/shared/jdcloud/types';
import { useMemo } from 'react';
import { formatDateTime } from '../../format';
import { useJdLastApply } from '../../queries/jdcloud';
import { actionWords } from './plan-words';
import { VirtualTable, type VirtualRowProps } from '../VirtualTable';
import { RequestIds } from './RequestIds';

const outcomeWords: Record<ApplyOutcome, string> = { applied: 'Applied', alreadyDone: 'Already done', failed: 'Failed', notRun: 'Not run' };
// Failures first: they are what the user has to act on.
const outcomeOrder: ApplyOutcome[] = ['failed', 'notRun', 'applied', 'alreadyDone'];
const COLUMNS = ['190px', '290px', 'auto', '240px'];

interface ResultLine {
  id: string;
  result: ApplyItemResult;
  item: PlanItem | undefined;
}

/** The last apply's summary (kept by main in the data folder): per item what happened, with the gateway's requestIds. */
export function LastApplyCard() {
  const report = useJdLastApply().data;
  if (!report) return null;
  return (
    <section className="card" aria-labelledby="jd-last-apply-title">
      <h2 id="jd-last-apply-title" className="card-title">
        Last apply
      </h2>
      <ApplySummary report={report} />
    </section>
  );
}

function ApplySummary({ report }: { report: ApplyReport }) {
  // Every item, however many: the table renders only the rows in view (an apply may name 200,000 items).
  const lines = useMemo(() => {
    const items = new Map(report.items.map((item) => [item.id, item]));
    return report.results
      .map((result): ResultLine => ({ id: result.itemId, result, item: items.get(result.itemId) }))
      .sort((a, b) => outcomeOrder.indexOf(a.result.outcome) - outcomeOrder.indexOf(b.result.outcome));
  }, [report]);
  const { counts } = report;
  return (
    <>
      <p className="jd-plan-meta" role="status" aria-label="Apply summary">
        {report.stoppedBy ? 'Stopped' : report.cancelled ? 'Cancelled' : 'Finished'} {formatDateTime(report.finishedAt)}: {counts.applied} applied, {counts.alreadyDone} already done, {counts.failed} failed
        {counts.notRun > 0 ? `, ${counts.notRun} not run` : ''}. {report.concurrency} at a time, at <code>{report.endpoint}</code>.
      </p>
      {report.stoppedBy && (
        <p className="field-error" role="alert">
          JD Cloud refused the account, so the rest was not sent: {report.stoppedBy.message}
        </p>
      )}
      {lines.length > 0 && (
        <div className="jd-apply-results">
          <VirtualTable
            count={lines.length}
            rowAt={(index) => lines[index]}
            className="table table-compact jd-apply-table"
            columns={COLUMNS}
            estimateRowHeight={52}
            header={
              <>
                <th scope="col">Change</th>
                <th scope="col">Caller APIKey</th>
                <th scope="col">Outcome</th>
                <th scope="col">Request IDs</th>
              </>
            }
            // The report is held whole (it is this one apply's), so every row is there.
            renderRow={(line, rowProps) => line && <ResultRow line={line} rowProps={rowProps} />}
          />
        </div>
      )}
      <RequestIds ids={report.results.flatMap((result) => result.requestIds)} label="All request IDs" />
    </>
  );
}

function ResultRow({ line: { result, item }, rowProps }: { line: ResultLine; rowProps: VirtualRowProps }) {
  return (
    <tr {...rowProps}>
      <td>
        {item ? actionWords[item.action].heading : result.itemId}
        {item && <span className="cell-secondary">{item.region}</span>}
      </td>
      <td>
        <code>{item?.apiKey ?? ''}</code>
      </td>
      <td className="jd-outcome-cell">
        <span className={`jd-outcome jd-outcome-${result.outcome}`}>{outcomeWords[result.outcome]}</span>
        {/* `attempts` counts the writes sent for the item (a create and its binding are two). */}
        {result.attempts > 0 && <span className="cell-secondary">{result.attempts} {result.attempts === 1 ? 'write' : 'writes'} sent</span>}
        {result.error && <span className="jd-outcome-error">{result.error.message}</span>}
      </td>
      <td>
        {result.requestIds.map((id) => (
          <code key={id} className="jd-request-id">
            {id}
          </code>
        ))}
      </td>
    </tr>
  );
}
