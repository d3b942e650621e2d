import type { SecretStore } from '../core/ports/secret-store';
import type { SendRequest } from '../core/ports/http-sender';
import type { CommandLine } from './args';
import type { CliKeychain } from './keychain';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
  env: NodeJS.ProcessEnv;
  now?: () => Date;
  secrets?: SecretStore;
  version?: string;
  /** For the jd commands' tests: the HTTP sender and the retry back-off (the real ones otherwise). */
  send?: SendRequest;
  sleep?: (ms: number) => Promise<void>;
  /** Calls `handler` on Ctrl-C (SIGINT) until the returned function is called; absent in tests that do not interrupt. */
  onInterrupt?: (handler: () => void) => () => void;
}

/** What every command gets: its parsed arguments, the terminal, and the keychain it may open. */
export interface CliContext {
  command: CommandLine;
  io: CliIo;
  keychain: CliKeychain;
  /** Positionals after the command's own words (`groups add` -> what follows `add`). */
  args: string[];
}

export type Command = (context: CliContext) => Promise<number>;

/** The subcommand `word` names in `table`, if any (own entries only: "toString" is no subcommand). */
export function subcommandOf<T>(table: Record<string, T>, word: string | undefined): T | undefined {
  return word !== undefined && Object.hasOwn(table, word) ? table[word] : undefined;
}
