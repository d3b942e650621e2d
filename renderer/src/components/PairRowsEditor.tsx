import { useId, useRef, type KeyboardEvent } from 'react';
import { newRow, type PairRow } from '../store/test-call-slice';
import { Icon } from './Icon';

export interface PairRowsEditorProps {
  /** The group's heading, e.g. "Query parameters". */
  title: string;
  /** One row's noun, e.g. "Query parameter": rows are named "Query parameter 1 name" and so on. */
  noun: string;
  rows: PairRow[];
  onChange(rows: PairRow[]): void;
  error?: string;
  /** Rows to mark invalid beside the error (e.g. those holding a line break). */
  isInvalid?(row: PairRow): boolean;
  hint?: string;
  namePlaceholder?: string;
  valuePlaceholder?: string;
}

// One-line text areas rather than inputs: an input silently drops pasted line breaks,
// a text area keeps them so main can refuse them (header injection) instead of them vanishing.
const oneLine = (event: KeyboardEvent<HTMLTextAreaElement>) => {
  if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) event.preventDefault();
};

/** Editable name/value rows with add and remove, for query parameters and headers. */
export function PairRowsEditor({ title, noun, rows, onChange, error, isInvalid, hint, namePlaceholder = 'Name', valuePlaceholder = 'Value' }: PairRowsEditorProps) {
  const id = useId();
  const list = useRef<HTMLDivElement>(null);
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;

  const edit = (rowId: number, patch: Partial<PairRow>) => onChange(rows.map((row) => (row.id === rowId ? { ...row, ...patch } : row)));
  const add = () => {
    onChange([...rows, newRow()]);
    // Focus the new row's name once it is rendered.
    requestAnimationFrame(() => list.current?.querySelector<HTMLTextAreaElement>('.pair-row:last-child textarea')?.focus());
  };

  return (
    <fieldset className="pair-rows" aria-labelledby={`${id}-title`} aria-describedby={describedBy}>
      <legend className="pair-rows-legend">
        <span id={`${id}-title`} className="field-label">
          {title}
        </span>
        <button type="button" className="button button-small" onClick={add} aria-label={`Add ${noun.toLowerCase()}`}>
          <Icon name="plus" size={14} />
          <span>Add</span>
        </button>
      </legend>
      {rows.length > 0 && (
        <div className="pair-rows-list" ref={list}>
          {rows.map((row, index) => {
            const invalid = isInvalid?.(row) ? true : undefined;
            const name = `${noun} ${index + 1}`;
            return (
              <div className="pair-row" key={row.id}>
                <textarea className="input input-one-line" rows={1} aria-label={`${name} name`} placeholder={namePlaceholder} value={row.name}
                  aria-invalid={invalid} spellCheck={false} autoComplete="off" onKeyDown={oneLine}
                  onChange={(event) => edit(row.id, { name: event.target.value })} />
                <textarea className="input input-one-line" rows={1} aria-label={`${name} value`} placeholder={valuePlaceholder} value={row.value}
                  aria-invalid={invalid} spellCheck={false} autoComplete="off" onKeyDown={oneLine}
                  onChange={(event) => edit(row.id, { value: event.target.value })} />
                <button type="button" className="icon-button" aria-label={`Remove ${name.toLowerCase()}`} title="Remove"
                  onClick={() => onChange(rows.filter((r) => r.id !== row.id))}>
                  <Icon name="close" size={14} />
                </button>
              </div>
            );
          })}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </fieldset>
  );
}
