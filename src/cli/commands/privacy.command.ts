import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { isAppError } from '../../errors.ts';
import { personalDataHolders } from '../../modules/personal-data-holders.ts';
import { loadKeyProvider } from '../../privacy/key-source.ts';
import { PersonKeysRepository } from '../../privacy/person-keys.repository.ts';
import { PersonKeysService } from '../../privacy/person-keys.service.ts';
import { PersonPrivacyService } from '../../privacy/person-privacy.service.ts';
import { type Command, line, UsageError } from '../command.ts';
import { asCommandFailure, withPersonalData } from '../database-session.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const privacyCommand: Command = {
  name: 'privacy',
  summary: 'Forget a person, or report everything Belong holds about them',
  help: `Usage: belong privacy forget <person-id> [--actor <staff-id>]
       belong privacy report <person-id> [--actor <staff-id>]

forget   Destroys the person's data key in the key store (crypto-shredding):
         every field sealed under it becomes unreadable for good, in the
         database and in any backup of it. Records a person.forgotten audit
         event. Forgetting someone already forgotten changes nothing and
         says so (exit 0). Exits 1 if the person never had a data key.

report   Prints as JSON everything Belong holds about the person: whether
         their data key exists, when it was created and destroyed, every
         record each feature holds (sealed fields opened with the KEK while
         the key lives), the fields indexed, when their data will be
         forgotten, and every audit event about them (who, what, when).
         Records a person.report_created audit event.

  --actor <staff-id>   The staff account acting on the person's request;
                       'system' when omitted.

The person id is a uuid; nothing else is accepted. Needs the key store:
.belong/keys beside the embedded database, or BELONG_KEYS_DATABASE_URL (a
separate database) when DATABASE_URL is set. See docs/privacy.md.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { actor: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const [sub, personId, ...rest] = positionals;
    if (sub !== 'forget' && sub !== 'report') {
      throw new UsageError(
        `privacy needs a subcommand: forget or report (got ${sub ?? 'nothing'})`,
      );
    }
    // Never echo what was given: a mistaken argument may be a name.
    if (personId === undefined || rest.length > 0) {
      throw new UsageError(`privacy ${sub} takes one person id`);
    }
    if (!uuid.test(personId)) throw new UsageError('the person id must be a uuid');
    const actor = values.actor ?? 'system';
    if (actor !== 'system' && !uuid.test(actor)) {
      throw new UsageError("--actor needs a staff account id (a uuid) or 'system'");
    }
    const config = loadConfig(io.env);
    try {
      return await withPersonalData(config, io, async (database, keyStore) => {
        const staff = actor.toLowerCase();
        if (sub === 'report') {
          const provider = await loadKeyProvider({
            databaseUrl: config.databaseUrl,
            dataDir: config.dataDir,
            value: io.env.BELONG_KEK,
            previousValue: io.env.BELONG_KEK_PREVIOUS,
          }).catch((error: unknown) => {
            if (!isAppError(error)) throw error;
            line(io.stderr, `No KEK (${error.code}): sealed fields are listed but not opened.`);
            return undefined;
          });
          const service = new PersonPrivacyService(database.db, keyStore.db, {
            holders: personalDataHolders,
            ...(provider
              ? {
                  personKeys: new PersonKeysService(
                    new PersonKeysRepository(keyStore.db),
                    provider,
                  ),
                }
              : {}),
          });
          const report = await service.report(personId, { actor: staff });
          line(io.stdout, JSON.stringify(report, null, 2));
          return 0;
        }
        const service = new PersonPrivacyService(database.db, keyStore.db, {
          holders: personalDataHolders,
        });
        const result = await service.forget(personId, { actor: staff });
        const when = result.destroyedAt.toISOString();
        line(
          io.stdout,
          result.status === 'forgotten'
            ? `forgotten ${personId.toLowerCase()} at ${when}`
            : `already forgotten ${personId.toLowerCase()} (at ${when})`,
        );
        if (result.status === 'forgotten' && !result.vacuumed) {
          line(
            io.stderr,
            'Could not VACUUM person_keys (the role may lack the right): the old row version holding the wrapped key stays in the key store until autovacuum reclaims it.',
          );
        }
        return 0;
      });
    } catch (error) {
      throw asCommandFailure(error);
    }
  },
};
