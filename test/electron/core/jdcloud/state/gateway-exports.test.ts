import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { apiKeyConsumersOf } from '../../../../../electron/core/jdcloud/state/api-key-consumers';
import { awsApiKeysCsv } from '../../../../../electron/core/jdcloud/state/aws-export';
import { kongDeckText } from '../../../../../electron/core/jdcloud/state/kong-export';
import { APIKEY_A, sampleStore } from './fixtures';

describe('exports for gateways that take a plain API key', () => {
  const { consumers, skipped } = apiKeyConsumersOf(sampleStore());

  it('resolves each APIKey (a local key for an Access Key ID) and skips the unknown one', () => {
    expect(consumers.map((c) => [c.name, c.apiKey, c.groups])).toEqual([
      ['000000000007', '00000000000000000000000000000007', ['orders:online']],
      ['Partner, Inc.', APIKEY_A, ['orders:online', 'users:test']],
    ]);
    expect(skipped).toEqual([{ callerKey: '0000000000ff', description: 'unknown key' }]);
  });

  it('writes a decK file: consumers, key-auth credentials and ACL groups', () => {
    const deck = load(kongDeckText(consumers)) as Record<string, unknown>;
    expect(deck).toEqual({
      _format_version: '3.0',
      _info: { select_tags: ['gatekey'] },
      consumers: [
        { username: '000000000007', custom_id: '000000000007', tags: ['gatekey'], keyauth_credentials: [{ key: '00000000000000000000000000000007' }], acls: [{ group: 'orders:online' }] },
        { username: 'Partner, Inc.', custom_id: APIKEY_A, tags: ['gatekey'], keyauth_credentials: [{ key: APIKEY_A }], acls: [{ group: 'orders:online' }, { group: 'users:test' }] },
      ],
    });
    expect(JSON.parse(kongDeckText(consumers, 'json'))).toEqual(deck);
  });

  it('writes the AWS API key CSV with its documented columns, quoting what needs it', () => {
    expect(awsApiKeysCsv(consumers)).toBe(
      ['Name,Key,Description,Enabled,UsagePlanIds', `000000000007,00000000000000000000000000000007,,TRUE,`, `"Partner, Inc.",${APIKEY_A},"Partner, Inc.",TRUE,`, ''].join('\r\n'),
    );
    expect(awsApiKeysCsv([{ ...consumers[0]!, name: 'say "hi"\nthere' }])).toContain('"say ""hi""\nthere"');
  });

  it('tells two consumers with the same description apart by caller key', () => {
    const data = sampleStore();
    data.authorizations[2]!.description = 'Partner, Inc.';
    expect(apiKeyConsumersOf(data).consumers.map((c) => c.name)).toEqual(['Partner, Inc.', `Partner, Inc. (${APIKEY_A})`]);
  });
});
