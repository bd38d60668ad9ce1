import { loadConfig } from '../../config.ts';
import { listMigrations } from '../../db/migrate.ts';
import { type Command, line, UsageError } from '../command.ts';
import { openMigratedDatabase, withPersonalData } from '../database-session.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Bring the database schema up to date',
  help: `Usage: belong migrate

Applies every migration the database has not run yet, in order, and reports
each one. Safe to run again: a database that is up to date is left alone.
'belong serve' also migrates on start.

Uses DATABASE_URL when set (PostgreSQL), otherwise the embedded database in
BELONG_DATA_DIR (default ./.belong/data). The key store (each person's data
key, kept apart from the data) is migrated too: the embedded one beside the
database, or BELONG_KEYS_DATABASE_URL when set. The embedded databases cannot
be migrated while a Belong server has them open.`,
  async run(args, io) {
    if (args.length > 0) throw new UsageError(`migrate takes no arguments (got ${args[0]})`);
    const config = loadConfig(io.env);
    if (!config.databaseUrl || io.env.BELONG_KEYS_DATABASE_URL) {
      await withPersonalData(config, io, async () => {});
    } else {
      const database = await openMigratedDatabase(config, io);
      await database.close();
    }
    line(io.stderr, `Database is up to date (${listMigrations().length} migrations).`);
    return 0;
  },
};
