import { useRef } from 'react';
import { useKeyboardShortcut } from '../hooks/useKeyboardShortcut';
import { Icon } from './Icon';

/** Filters as you type. "/" or Ctrl/Cmd+F jumps here; Esc clears. */
export function SearchBox({ value, onChange }: { value: string; onChange(value: string): void }) {
  const input = useRef<HTMLInputElement>(null);
  const focus = () => {
    input.current?.focus();
    input.current?.select();
  };
  useKeyboardShortcut({ key: '/' }, focus);
  useKeyboardShortcut({ key: 'f', mod: true, whileTyping: true }, focus);

  return (
    <div className="search">
      <Icon name="search" size={14} />
      <input
        ref={input}
        type="search"
        className="search-input"
        aria-label="Search access keys"
        placeholder="Search name, Access Key ID or APIKey"
        value={value}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value) {
            event.preventDefault();
            onChange('');
          }
        }}
      />
      {!value && (
        <kbd className="search-hint" aria-hidden="true">
          /
        </kbd>
      )}
    </div>
  );
}
