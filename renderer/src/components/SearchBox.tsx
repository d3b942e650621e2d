import { useRef } from 'react';
import { MAX_SEARCH_CHARS } from '../../../electron/shared/lists/window';
import { useKeyboardShortcut } from '../hooks/useKeyboardShortcut';
import { Icon } from './Icon';

export interface SearchBoxProps {
  value: string;
  onChange(value: string): void;
  /** The accessible name. */
  label?: string;
  placeholder?: string;
  /** Whether "/" and Ctrl/Cmd+F jump here: only for the page's main search, never inside a dialog. */
  shortcuts?: boolean;
}

/** Filters as you type. "/" or Ctrl/Cmd+F jumps here; Esc clears. */
export function SearchBox({
  value,
  onChange,
  label = 'Search access keys',
  placeholder = 'Search name, Access Key ID or APIKey',
  shortcuts = true,
}: SearchBoxProps) {
  const input = useRef<HTMLInputElement>(null);
  const focus = () => {
    input.current?.focus();
    input.current?.select();
  };
  useKeyboardShortcut({ key: '/' }, focus, shortcuts);
  useKeyboardShortcut({ key: 'f', mod: true, whileTyping: true }, focus, shortcuts);

  return (
    <div className="search">
      <Icon name="search" size={14} />
      <input
        ref={input}
        type="search"
        className="search-input"
        aria-label={label}
        placeholder={placeholder}
        value={value}
        // Main takes no longer search (and no field is that long): a longer paste is cut here, as typed.
        maxLength={MAX_SEARCH_CHARS}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value) {
            event.preventDefault();
            // Clearing the search is all Esc does here: inside a dialog it must not close it too.
            event.stopPropagation();
            onChange('');
          }
        }}
      />
      {!value && shortcuts && (
        <kbd className="search-hint" aria-hidden="true">
          /
        </kbd>
      )}
    </div>
  );
}
