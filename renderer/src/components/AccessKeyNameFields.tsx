import type { RefObject } from 'react';
import { DESCRIPTION_MAX, NAME_MAX } from '../../../electron/core/access-keys/rules';
import { FormField } from './FormField';

type Field = 'name' | 'description';

export interface AccessKeyNameFieldsProps {
  values: Record<Field, string>;
  errors: Partial<Record<Field, string>>;
  change(field: Field, value: string): void;
  blur(field: Field): void;
  nameInput: RefObject<HTMLInputElement | null>;
  descriptionInput: RefObject<HTMLInputElement | null>;
}

/** An access key's name and description, with the hints every form that names a key shows. */
export function AccessKeyNameFields({ values, errors, change, blur, nameInput, descriptionInput }: AccessKeyNameFieldsProps) {
  return (
    <>
      <FormField
        label="Name"
        required
        inputRef={nameInput}
        value={values.name}
        error={errors.name}
        hint={`1–${NAME_MAX} characters: letters, digits, "-" and "_". Must be unique.`}
        onChange={(value) => change('name', value)}
        onBlur={() => blur('name')}
      />
      <FormField
        label="Description"
        inputRef={descriptionInput}
        value={values.description}
        error={errors.description}
        maxLength={DESCRIPTION_MAX}
        hint="Optional. What or who uses this key."
        onChange={(value) => change('description', value)}
        onBlur={() => blur('description')}
      />
    </>
  );
}
