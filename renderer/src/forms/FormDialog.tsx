import { useLayoutEffect, type FormEvent, type ReactNode } from 'react';
import { FormProvider, type FieldValues, type Path } from 'react-hook-form';
import { Dialog } from '../components/Dialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { SubmitFooter } from '../components/SubmitFooter';
import type { SchemaForm } from './useSchemaForm';

export interface FormDialogProps<V extends FieldValues> {
  title: string;
  form: SchemaForm<V>;
  /** The field that has focus when the dialog opens. */
  initialFocus: Path<V>;
  submitLabel: string;
  pendingLabel: string;
  /**
   * Runs once the fields pass their rules: the one place the dialog calls its
   * action, awaits the Result and places its errors. The dialog shows itself
   * pending until this settles; on success the owner closes it.
   */
  onSubmit(values: V): Promise<void>;
  /** Cancel and Escape; neither is offered while a submit is pending. */
  onCancel(): void;
  /** Sees a submit before the rules are checked; returns true when it handled it another way. */
  submitInstead?(values: V): boolean;
  children: ReactNode;
}

/** A dialog that is one form: fields, the form's alert, Cancel and a submit button that says when it is at work. */
export function FormDialog<V extends FieldValues>({ title, form, initialFocus, submitLabel, pendingLabel, onSubmit, onCancel, submitInstead, children }: FormDialogProps<V>) {
  const pending = form.formState.isSubmitting;

  // After Dialog's own layout effect (children's run first), so the dialog is open and can take focus.
  useLayoutEffect(() => {
    form.setFocus(initialFocus);
    // Once per opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // A pasted line's Enter calls requestSubmit(), which a disabled submit button does not stop.
    if (pending) return;
    form.setFormError(null);
    if (submitInstead?.(form.getValues())) return;
    void form.handleSubmit(onSubmit)(event);
  };

  return (
    <FormProvider {...form}>
      <Dialog
        title={title}
        onCancel={pending ? undefined : onCancel}
        onSubmit={submit}
        footer={<SubmitFooter pending={pending} label={submitLabel} pendingLabel={pendingLabel} onCancel={onCancel} />}
      >
        <div className="form">
          {children}
          {form.formError && <ErrorAlert error={form.formError} />}
        </div>
      </Dialog>
    </FormProvider>
  );
}
