import { ConfigError } from '../config.ts';
import { type Command, type CommandIo, line, UsageError } from './command.ts';
import { auditCommand } from './commands/audit.command.ts';
import { keysCommand } from './commands/keys.command.ts';
import { migrateCommand } from './commands/migrate.command.ts';
import { privacyCommand } from './commands/privacy.command.ts';
import { rulesCommand } from './commands/rules.command.ts';
import { seedCommand } from './commands/seed.command.ts';
import { serveCommand } from './commands/serve.command.ts';
import { staffCommand } from './commands/staff.command.ts';
import { CommandFailure } from './database-session.ts';

export const commands: Command[] = [
  serveCommand,
  migrateCommand,
  seedCommand,
  rulesCommand,
  auditCommand,
  keysCommand,
  privacyCommand,
  staffCommand,
];

function overview(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'Usage: belong <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    "Run 'belong <command> --help' for a command's options.",
  ].join('\n');
}

/** Runs the `belong` command line and returns its exit code. */
export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    line(name ? io.stdout : io.stderr, overview());
    return name ? 0 : 2;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    line(io.stderr, `belong: unknown command '${name}'. Run 'belong --help' for the list.`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    line(io.stdout, command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      // node:util parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes.
      line(io.stderr, `belong ${name}: ${error.message}`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof CommandFailure) {
      line(io.stderr, `belong ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
