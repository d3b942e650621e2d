import { formatDate, formatDateTime } from '../format';

/** A creation time in a narrow column: the day, with the full time on hover. */
export function CreatedCell({ iso }: { iso: string }) {
  return (
    <td className="cell-nowrap">
      <time dateTime={iso} title={formatDateTime(iso)}>
        {formatDate(iso)}
      </time>
    </td>
  );
}
