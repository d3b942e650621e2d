import { apiKeyConsumersOf } from '../../core/jdcloud/state/api-key-consumers';
import { awsApiKeysCsv } from '../../core/jdcloud/state/aws-export';
import { kongDeckText } from '../../core/jdcloud/state/kong-export';
import { EXIT } from '../exit-codes';
import { writeOutput } from '../output-file';
import { usageError } from '../sign-options';
import { formatOption } from '../state-files';
import { withStoreToRead } from '../writable-store';
import { subcommandOf, type CliContext } from '../context';

/**
 * `gatekey export kong|aws`: the authorizations for a gateway that takes a
 * plain API key. Authorizations made by Access Key ID alone, of a key this
 * folder does not hold, have no known APIKey: listed on stderr, left out.
 */
export async function exportCommand({ command, io, args }: CliContext): Promise<number> {
  const [target, ...rest] = args;
  const write = subcommandOf(
    {
      kong: (consumers: Parameters<typeof kongDeckText>[0]) => kongDeckText(consumers, formatOption(command.values.format, command.values.out)),
      aws: (consumers: Parameters<typeof awsApiKeysCsv>[0]) => awsApiKeysCsv(consumers),
    },
    target,
  );
  if (!write || rest.length > 0) throw usageError('gatekey export kong|aws [--out FILE]', { reason: 'cliArguments', params: { usage: 'gatekey export kong|aws [--out FILE]' } });
  if (target === 'aws' && command.values.format !== undefined) throw usageError('The AWS API key file is CSV; --format is for kong.', { reason: 'cliFormat', params: { format: command.values.format } });
  const { consumers, skipped } = await withStoreToRead(io.env, (store) => apiKeyConsumersOf(store.read()));
  for (const left of skipped) io.err(`Skipped ${left.callerKey}${left.description ? ` "${left.description}"` : ''}: authorized by Access Key ID, and its APIKey is not known here.`);
  await writeOutput(io, write(consumers), command.values.out);
  return EXIT.ok;
}
