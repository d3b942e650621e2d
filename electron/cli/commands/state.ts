import { unusedId } from '../../core/ids';
import { stateOf } from '../../core/jdcloud/state/export-state';
import { applyImport, describeImport, previewImport } from '../../core/jdcloud/state/import-state';
import { stateText } from '../../core/jdcloud/state/state-text';
import { AppError } from '../../shared/errors';
import { EXIT } from '../exit-codes';
import { writeOutput } from '../output-file';
import { usageError } from '../sign-options';
import { formatOption, readStateFile } from '../state-files';
import { withStoreToRead, withStoreToWrite } from '../writable-store';
import { subcommandOf, type CliContext } from '../context';

async function exportState({ command, io, args }: CliContext): Promise<number> {
  if (args.length > 0) throw usageError('gatekey state export [--format yaml|json] [--out FILE]', { reason: 'cliArguments', params: { usage: 'gatekey state export [--format yaml|json] [--out FILE]' } });
  const format = formatOption(command.values.format, command.values.out);
  const text = await withStoreToRead(io.env, (store) => stateText(stateOf(store.read()), format));
  await writeOutput(io, text, command.values.out);
  return EXIT.ok;
}

const conflictsError = (count: number) =>
  new AppError('INVALID_INPUT', `Nothing was imported: ${count} conflict(s) with this data folder (listed above). Change the file or the folder, then import again.`, {
    reason: 'stateImportConflicts',
    params: { count },
  });

/**
 * `gatekey state import FILE`: previews what the file would create or change
 * in the data folder; --yes makes exactly those changes, in one save. Conflicts
 * stop it whole; nothing is overwritten that the preview did not name.
 */
async function importState({ command, io, args }: CliContext): Promise<number> {
  if (args.length !== 1) throw usageError('gatekey state import FILE [--yes]', { reason: 'cliArguments', params: { usage: 'gatekey state import FILE [--yes]' } });
  const state = await readStateFile(args[0]!, command.values.format);
  const report = (preview: ReturnType<typeof previewImport>) => {
    if (command.values.json) io.out(JSON.stringify(preview, null, 2));
    else for (const words of describeImport(preview.changes)) io.out(words);
    for (const conflict of preview.conflicts) io.err(`conflict: ${conflict}`);
  };
  if (!command.values.yes) {
    // A preview only reads: it works while the app has the folder open.
    const preview = await withStoreToRead(io.env, (store) => previewImport(store.read(), state));
    report(preview);
    if (preview.conflicts.length > 0) throw conflictsError(preview.conflicts.length);
    if (preview.changes.length === 0) {
      io.err('Nothing to import: the data folder already holds everything the file says.');
      return EXIT.ok;
    }
    throw usageError(`Nothing was changed yet: run again with --yes to make these ${preview.changes.length} change(s).`, { reason: 'cliNeedsYes', params: { command: 'state import' } });
  }
  const preview = await withStoreToWrite(io.env, (store) =>
    store.update((draft) => {
      // Planned again on the data as it is now, inside the one update: what is saved is what was listed.
      const fresh = previewImport(draft, state);
      if (fresh.conflicts.length === 0) applyImport(draft, fresh.changes, { now: (io.now ?? (() => new Date()))().toISOString(), newId: (taken) => unusedId(taken) });
      return fresh;
    }),
  );
  report(preview);
  if (preview.conflicts.length > 0) throw conflictsError(preview.conflicts.length);
  io.err(preview.changes.length === 0 ? 'Nothing to import: the data folder already holds everything the file says.' : `Imported: ${preview.changes.length} change(s).`);
  return EXIT.ok;
}

/** `gatekey state export|import`: the provider's state as one versioned file. */
export function stateCommand(context: CliContext): Promise<number> {
  const [action, ...args] = context.args;
  const run = subcommandOf({ export: exportState, import: importState }, action);
  if (!run) throw usageError('gatekey state export|import', { reason: 'cliArguments', params: { usage: 'gatekey state export|import' } });
  return run({ ...context, args });
}
