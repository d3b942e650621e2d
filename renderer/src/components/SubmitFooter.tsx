/** The footer of a form dialog: Cancel, and the submit button that names what it does (and that it is doing it). */
export function SubmitFooter({ pending, label, pendingLabel, onCancel }: { pending: boolean; label: string; pendingLabel: string; onCancel(): void }) {
  return (
    <>
      <button type="button" className="button" onClick={onCancel} disabled={pending}>
        Cancel
      </button>
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
    </>
  );
}
