import { CORE_SCHEMA, dump } from 'js-yaml';
import type { ApiKeyConsumer } from './api-key-consumers';

/** The tag decK selects on: a sync of this file touches only what Gatekey exported, never Kong's other consumers. */
export const KONG_SELECT_TAG = 'gatekey';

/**
 * A Kong decK declarative file: one consumer per authorization, its APIKey as
 * a key-auth credential, its bound API groups as ACL groups
 * (`<group>:<environment>`), for routes guarded by the key-auth and acl plugins.
 */
export function kongDeckText(consumers: readonly ApiKeyConsumer[], format: 'yaml' | 'json' = 'yaml'): string {
  const file = {
    _format_version: '3.0',
    _info: { select_tags: [KONG_SELECT_TAG] },
    consumers: consumers.map((consumer) => ({
      username: consumer.name,
      custom_id: consumer.callerKey,
      tags: [KONG_SELECT_TAG],
      keyauth_credentials: [{ key: consumer.apiKey }],
      acls: consumer.groups.map((group) => ({ group })),
    })),
  };
  if (format === 'json') return `${JSON.stringify(file, null, 2)}\n`;
  return dump(file, { schema: CORE_SCHEMA, lineWidth: -1, noRefs: true, quotingType: '"', sortKeys: false });
}
