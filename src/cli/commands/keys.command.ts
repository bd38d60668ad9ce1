import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { errorCatalogue, isAppError } from '../../errors.ts';
import { KekRotationService } from '../../privacy/kek-rotation.service.ts';
import type { KeyProvider } from '../../privacy/key-provider.ts';
import {
  beginKeyFileRotation,
  endKeyFileRotation,
  loadKeyProvider,
} from '../../privacy/key-source.ts';
import { LocalKeyProvider } from '../../privacy/local-key-provider.ts';
import { PersonKeysRepository } from '../../privacy/person-keys.repository.ts';
import { type Command, type CommandIo, line, UsageError } from '../command.ts';
import { CommandFailure, withPersonalData } from '../database-session.ts';

export const keysCommand: Command = {
  name: 'keys',
  summary: 'Manage the key-encryption key (rotate)',
  help: `Usage: belong keys rotate [--batch-size N]

Rewraps every person's data key under a new key-encryption key (KEK). Sealed
data is not touched: the data keys stay the same, only their wrapping
changes. Keys of forgotten people stay destroyed. Interrupted? Run it again:
keys already under the new KEK are skipped. The data keys are in the key
store: .belong/keys beside the embedded database, or the database named by
BELONG_KEYS_DATABASE_URL when DATABASE_URL is set.

With BELONG_KEK (production): give every Belong process the new key in
BELONG_KEK and the old one in BELONG_KEK_PREVIOUS (comma-separated if
several), run this command, then remove BELONG_KEK_PREVIOUS everywhere and
destroy the old key. Generate a key with:
  node -e "console.log(require('node:crypto').randomBytes(32).toString('base64'))"

With the embedded database's key file (.belong/kek): stop the server first.
The command moves the key to .belong/kek.previous, creates a new
.belong/kek (mode 0600), rewraps every data key, and deletes
.belong/kek.previous when none is left under it.

Once the old key is destroyed, a database backup taken before the rotation
cannot be read with the new key: back up the new key before you delete
the old one.

  --batch-size N   keys rewrapped per database round trip (default 500)`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { 'batch-size': { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals[0] !== 'rotate' || positionals.length !== 1) {
      throw new UsageError("keys needs one subcommand: 'rotate'");
    }
    const batchSize = Number(values['batch-size'] ?? 500);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
      throw new UsageError('--batch-size must be a whole number from 1 to 10000');
    }
    try {
      return await rotate(batchSize, io);
    } catch (error) {
      // Key errors carry a code and no key material; print the code and
      // what it means rather than a stack trace.
      if (isAppError(error)) {
        throw new CommandFailure(`${error.code}: ${errorCatalogue[error.code].description}`);
      }
      throw error;
    }
  },
};

async function rotate(batchSize: number, io: CommandIo): Promise<number> {
  const config = loadConfig(io.env);
  const fromEnvironment = Boolean(io.env.BELONG_KEK);
  if (!fromEnvironment && (config.databaseUrl || config.dataDir === 'memory://')) {
    throw new UsageError(
      'set BELONG_KEK to the new key and BELONG_KEK_PREVIOUS to the old one (see --help)',
    );
  }
  // The embedded database's lock, taken here, proves no server holds the old key file.
  return withPersonalData(config, io, async (_database, keyStore) => {
    let provider: KeyProvider;
    if (fromEnvironment) {
      provider = await loadKeyProvider({
        value: io.env.BELONG_KEK,
        previousValue: io.env.BELONG_KEK_PREVIOUS,
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
      });
    } else {
      const files = await beginKeyFileRotation(config.dataDir);
      if (files.resumed) line(io.stderr, 'Resuming an interrupted rotation.');
      provider = new LocalKeyProvider(files.current, [files.previous]);
    }
    line(io.stderr, `Rewrapping data keys under ${provider.currentKekId}…`);
    const rotation = new KekRotationService(new PersonKeysRepository(keyStore.db), provider);
    const result = await rotation.rotate({
      batchSize,
      onBatch: (progress) => line(io.stderr, `  ${progress.rewrapped} rewrapped`),
    });
    const remaining = await rotation.remaining();
    line(
      io.stderr,
      `Rewrapped ${result.rewrapped}; changed meanwhile ${result.skipped}; could not unwrap ${result.failed}; left on an older KEK ${remaining}.`,
    );
    if (remaining > 0) {
      line(
        io.stderr,
        'Some data keys are still under an older KEK: give that KEK in BELONG_KEK_PREVIOUS (or restore .belong/kek.previous) and run again.',
      );
      return 1;
    }
    if (fromEnvironment) {
      line(io.stderr, 'Done. Remove BELONG_KEK_PREVIOUS everywhere, then destroy the old key.');
    } else {
      await endKeyFileRotation(config.dataDir);
      line(io.stderr, 'Done. The old key file is deleted; back up the new .belong/kek.');
    }
    return 0;
  });
}
