import { DESCRIPTION_MAX, NAME_MAX } from '../../../electron/shared/access-keys/rules';
import { SchemaField } from '../forms/SchemaField';

/** An access key's name and description, with the hints every form that names a key shows. Inside a FormDialog whose form has both fields. */
export function AccessKeyNameFields() {
  return (
    <>
      <SchemaField name="name" label="Name" required hint={`1–${NAME_MAX} characters: letters, digits, "-" and "_". Must be unique.`} />
      <SchemaField name="description" label="Description" maxLength={DESCRIPTION_MAX} hint="Optional. What or who uses this key." />
    </>
  );
}
