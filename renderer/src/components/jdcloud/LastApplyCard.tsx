import type { ApplyItemResult, ApplyOutcome, ApplyReport, PlanItem } from '../../../../electron/shared/jdcloud/types';
import { formatDateTime } from '../../format';
import { useJdLastApply } from '../../queries/jdcloud';
import { actionWords } from './plan-words';
import { RequestIds } from './RequestIds';

const outcomeWords: Record<ApplyOutcome, string> = { applied: 'Applied', alreadyDone: 'Already done', failed: 'Failed', notRun: 'Not run' };
// Failures first: they are what the user has to act on.
const outcomeOrder: ApplyOutcome[] = ['failed', 'notRun', 'applied', 'alreadyDone'];
/** Rows shown at most; a huge apply's full list is in the report file main keeps. */
const MAX_ROWS = 200;

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
  const items = new Map(report.items.map((item) => [item.id, item]));
  const results = [...report.results].sort((a, b) => outcomeOrder.indexOf(a.outcome) - outcomeOrder.indexOf(b.outcome));
  const shown = results.slice(0, MAX_ROWS);
  const { counts } = report;
  return (
    <>
      <p className="jd-plan-meta" role="status" aria-label="Apply summary">
        {report.cancelled ? 'Cancelled' : 'Finished'} {formatDateTime(report.finishedAt)}: {counts.applied} applied, {counts.alreadyDone} already done, {counts.failed} failed
        {counts.notRun > 0 ? `, ${counts.notRun} not run` : ''}. {report.concurrency} at a time, at <code>{report.endpoint}</code>.
      </p>
      {shown.length > 0 && (
        <div className="table-wrap">
          <table className="table table-compact jd-apply-table">
            <thead>
              <tr>
                <th scope="col">Change</th>
                <th scope="col">Caller APIKey</th>
                <th scope="col">Outcome</th>
                <th scope="col">Request IDs</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((result) => (
                <ResultRow key={result.itemId} result={result} item={items.get(result.itemId)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {results.length > shown.length && <p className="field-hint">And {results.length - shown.length} more items (failures are listed first).</p>}
      <RequestIds ids={report.results.flatMap((result) => result.requestIds)} label="All request IDs" />
    </>
  );
}

function ResultRow({ result, item }: { result: ApplyItemResult; item: PlanItem | undefined }) {
  return (
    <tr>
      <td>
        {item ? actionWords[item.action].heading : result.itemId}
        {item && <span className="cell-secondary">{item.region}</span>}
      </td>
      <td>
        <code>{item?.apiKey ?? ''}</code>
      </td>
      <td>
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
