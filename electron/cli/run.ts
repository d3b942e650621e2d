import { AppError } from '../shared/errors';
import { visible } from '../shared/signing/input-rules';
import { parseCommandLine, USAGE, type CommandLine } from './args';
import { authCommand } from './commands/auth';
import { bindCommand } from './commands/bind';
import { exportCommand } from './commands/export';
import { groupsCommand } from './commands/groups';
import { jdCommand } from './commands/jd';
import { keysCommand } from './commands/keys';
import { signCommand } from './commands/sign';
import { stateCommand } from './commands/state';
import { subcommandOf, type CliIo, type Command } from './context';
import { EXIT, ExitError, exitCodeOf } from './exit-codes';
import { cliKeychain } from './keychain';
import { usageError } from './sign-options';

export type { CliIo } from './context';

/** Every command, by its first word; each lives in commands/. */
const commands: Record<string, Command> = {
  keys: keysCommand,
  sign: signCommand,
  groups: groupsCommand,
  auth: authCommand,
  bind: (context) => bindCommand(context, 'bind'),
  unbind: (context) => bindCommand(context, 'unbind'),
  state: stateCommand,
  jd: jdCommand,
  export: exportCommand,
};

function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof ExitError) {
    io.err(`gatekey: ${error.message}`);
    return error.exitCode;
  }
  if (error instanceof AppError) {
    io.err(`gatekey: ${error.message}`);
    // No account to work with is a matter of how the command was called (connect one, or set the environment variables).
    return error.reason === 'jdNotConnected' ? EXIT.usage : exitCodeOf(error.code);
  }
  const code = (error as NodeJS.ErrnoException).code;
  io.err(`gatekey: unexpected failure (${(error as Error).name}${code ? ` ${code}` : ''}).`);
  return EXIT.other;
}

/** Runs one command; returns the exit code once the keychain it opened is closed. Never prints a secret. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let command: CommandLine;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    io.err(`gatekey: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (command.values.version) {
    io.out(io.version ?? 'unknown');
    return EXIT.ok;
  }
  if (command.values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const [verb, ...args] = command.positionals;
  if (!verb) {
    io.err(USAGE);
    return EXIT.usage;
  }
  const keychain = cliKeychain(io.env, io.secrets);
  try {
    const run = subcommandOf(commands, verb);
    if (!run) throw usageError(`Unknown command "${visible(verb)}". Commands: ${Object.keys(commands).join(', ')}.`, { reason: 'cliUnknownCommand', params: { command: visible(verb) } });
    return await run({ command, io, keychain, args });
  } catch (error) {
    return reportFailure(error, io);
  } finally {
    await keychain.close();
  }
}
