/** A row whose page has not arrived yet: one cell across the table, as tall as a row, so nothing jumps when it fills in. */
export function LoadingCells({ columns, height }: { columns: number; height: number }) {
  return (
    <td colSpan={columns} className="cell-loading" style={{ height }}>
      <span className="row-loading-bar" aria-hidden="true" />
      <span className="visually-hidden">Loading…</span>
    </td>
  );
}
