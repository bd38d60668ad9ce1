import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { type DemoSeedResult, seedDemo } from '../../modules/demo/demo.service.ts';
import { type Command, type CommandIo, line, UsageError } from '../command.ts';
import { openMigratedDatabase } from '../database-session.ts';

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Add demonstration data',
  help: `Usage: belong seed --demo

  --demo    Create the organisation "Demo Immigrant Rights Coalition" and one
            administrator, and print the administrator's one-time password.

The password is printed once, by the run that creates the account, and never
stored in readable form. Running the command again changes nothing.`,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { demo: { type: 'boolean' } }, strict: true });
    if (!values.demo) throw new UsageError('seed needs --demo (the only data set there is)');
    const database = await openMigratedDatabase(loadConfig(io.env), io);
    try {
      reportDemoSeed(await seedDemo(database.db), io);
    } finally {
      await database.close();
    }
    return 0;
  },
};

export function reportDemoSeed(result: DemoSeedResult, io: CommandIo): void {
  if (!result.created) {
    line(io.stderr, 'Demo organisation already exists; nothing changed.');
    return;
  }
  line(io.stderr, `Created the demo organisation "${result.organisationName}".`);
  line(io.stderr, `  Staff sign-in:      ${result.email}`);
  line(io.stderr, `  One-time password:  ${result.oneTimePassword}`);
  line(io.stderr, '  This password is shown only now. It must be changed at first sign-in.');
}
