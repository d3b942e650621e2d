import type { ApiKeyConsumer } from './api-key-consumers';

/** The columns of AWS API Gateway's API key file (ImportApiKeys, format=csv); Name and Key are required. */
export const AWS_API_KEY_COLUMNS = ['Name', 'Key', 'Description', 'Enabled', 'UsagePlanIds'] as const;

/** RFC 4180: a field with a comma, quote or line break goes in double quotes, quotes doubled. */
const field = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * AWS API Gateway's API key CSV: one row per authorization, its APIKey as the
 * key (32 characters; AWS takes 20 to 128), enabled. Usage plans are AWS's own:
 * the column is left empty, and bindings do not carry over (associate the keys
 * with usage plans in AWS).
 */
export function awsApiKeysCsv(consumers: readonly ApiKeyConsumer[]): string {
  const rows = consumers.map((consumer) => [consumer.name, consumer.apiKey, consumer.description, 'TRUE', ''].map(field).join(','));
  return `${[AWS_API_KEY_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
