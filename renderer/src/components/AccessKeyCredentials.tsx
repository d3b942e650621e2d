import type { AccessKeySummary } from '../../../electron/shared/access-keys/types';
import { client } from '../api';
import { useCopyAction } from '../hooks/useCopyAction';
import { CopyButton } from './CopyButton';
import { SecretField } from './SecretField';
import { SecretStatusBadge } from './SecretMissingBadge';

/** The key pair a caller signs with: APIKey in full, APISecret only on request. */
export function AccessKeyCredentials({ accessKey }: { accessKey: AccessKeySummary }) {
  const copy = useCopyAction();
  return (
    <section className="card" aria-labelledby="credentials-title">
      <h2 id="credentials-title" className="card-title">
        Key pair
        <SecretStatusBadge status={accessKey.secretStatus} />
      </h2>
      <table className="table table-plain">
        <thead>
          <tr>
            <th scope="col">APIKey</th>
            <th scope="col">APISecret</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              <span className="cell-with-action">
                <code>{accessKey.apiKey}</code>
                <CopyButton label="Copy APIKey" withText onCopy={() => copy(() => client.accessKeys.copyApiKey({ id: accessKey.id }), 'APIKey copied')} />
              </span>
            </td>
            <td>
              {/* Keyed by id: another key's page starts with its secret hidden. */}
              <SecretField key={accessKey.id} accessKey={accessKey} />
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
