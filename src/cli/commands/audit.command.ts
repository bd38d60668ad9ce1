import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { type Command, line, UsageError } from '../command.ts';
import { CommandFailure, openMigratedDatabase } from '../database-session.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Check that the audit log has not been tampered with',
  help: `Usage: belong audit verify [--organisation <id>|system]

verify    Recomputes the hash of every audit event, checks that each event
          follows the one before it, and compares the end of each chain with
          its recorded head. Prints one line per chain (its length and the
          hash of its last event: keep a copy of that hash outside Belong to
          catch a rewrite of the whole chain) and exits 0 when every chain is
          intact. Exits 1 with one line naming the first broken event (edited,
          removed, reordered, or a removed tail) when one is not.

  --organisation <id>   Check one organisation's chain; 'system' for the
                        chain of system events (key rotation).

The list of events is in docs/audit-events.md.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { organisation: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const [sub, ...rest] = positionals;
    if (sub !== 'verify') {
      throw new UsageError(`audit needs a subcommand: verify (got ${sub ?? 'nothing'})`);
    }
    if (rest.length > 0) throw new UsageError(`audit verify takes no arguments (got ${rest[0]})`);
    const organisation = values.organisation;
    if (organisation !== undefined && organisation !== 'system' && !uuid.test(organisation)) {
      throw new UsageError("--organisation needs an organisation id or 'system'");
    }
    const { verifyChain } = await import('../../audit/audit-verify.service.ts');
    const database = await openMigratedDatabase(loadConfig(io.env), io);
    let report: Awaited<ReturnType<typeof verifyChain>>;
    try {
      report = await verifyChain(
        database.db,
        organisation === undefined
          ? undefined
          : organisation === 'system'
            ? null
            : organisation.toLowerCase(),
      );
    } finally {
      await database.close();
    }
    for (const chain of report.chains) {
      const name = chain.organisationId ?? 'system';
      const broken = report.breaks.some((item) => item.organisationId === chain.organisationId);
      line(
        io.stdout,
        broken
          ? `${name}  BROKEN after ${chain.events} good events`
          : `${name}  intact  ${chain.events} events  head ${chain.headHash ?? '-'}`,
      );
    }
    const [first, ...others] = report.breaks;
    if (first) {
      const more = others.length > 0 ? ` (and ${others.length} more broken chains)` : '';
      throw new CommandFailure(`${first.description}${more}`);
    }
    const events = report.chains.reduce((sum, chain) => sum + chain.events, 0);
    line(io.stderr, `Audit log intact: ${report.chains.length} chains, ${events} events.`);
    return 0;
  },
};
