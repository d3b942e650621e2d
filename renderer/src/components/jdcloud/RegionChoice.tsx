import { useId } from 'react';
import { JDCLOUD_REGIONS } from '../../../../electron/shared/jdcloud/account';
import { useSchemaField } from '../../forms/useSchemaField';
import { splitRegions } from './connect-form';

const regionNames: Record<(typeof JDCLOUD_REGIONS)[number], string> = {
  'cn-north-1': 'North China (Beijing)',
  'cn-east-1': 'East China (Suqian)',
  'cn-east-2': 'East China (Shanghai)',
  'cn-south-1': 'South China (Guangzhou)',
};

/** The regions to work in, as checkboxes; the form keeps them as one comma-separated text (see connect-form.ts). */
export function RegionChoice() {
  const { value, error, ref, onChange } = useSchemaField('regions');
  const id = useId();
  const chosen = splitRegions(value);
  // Regions the account has that are not among the known four (accepted by main's rule) stay chosen.
  const shown = [...JDCLOUD_REGIONS, ...chosen.filter((region) => !(JDCLOUD_REGIONS as readonly string[]).includes(region))];
  const toggle = (region: string, on: boolean) => onChange(shown.filter((r) => (r === region ? on : chosen.includes(r))).join(','));
  return (
    <fieldset className="field jd-regions" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend className="field-label">
        Regions<span className="field-required" aria-hidden="true"> *</span>
      </legend>
      <div className="jd-region-list">
        {shown.map((region, index) => (
          <label key={region} className="jd-region">
            <input type="checkbox" ref={index === 0 ? ref : undefined} checked={chosen.includes(region)} onChange={(event) => toggle(region, event.target.checked)} />
            <code>{region}</code>
            <span className="muted">{regionNames[region as keyof typeof regionNames] ?? ''}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      <p id={`${id}-hint`} className="field-hint">
        Where your API groups are. Gatekey reads and changes only these regions.
      </p>
    </fieldset>
  );
}
