/** `ABCD1234…WXYZ`: enough to recognise an APIKey without filling the row. */
export function shortenApiKey(apiKey: string): string {
  return apiKey.length <= 14 ? apiKey : `${apiKey.slice(0, 8)}…${apiKey.slice(-4)}`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A timestamp in the user's locale and time zone. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** The day only, for narrow table columns; pair it with `formatDateTime` in a title. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateOnly.format(date);
}
