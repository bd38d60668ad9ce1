import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { StaffAuthService } from '../../modules/accounts/staff-auth.service.ts';
import { type Command, line, UsageError } from '../command.ts';
import { asCommandFailure, openMigratedDatabase } from '../database-session.ts';

export const staffCommand: Command = {
  name: 'staff',
  summary: "Reset a staff account's password and second factor (account recovery)",
  help: `Usage: belong staff reset <email>

reset   Account recovery, by an administrator only: gives the staff account a
        new one-time password, removes its second factor, ends every session
        it has and lifts any lockout. The one-time password is printed once,
        on standard output, and never stored in readable form; give it to the
        staff member in person or by a channel you trust, never by the email
        the account uses. At their next sign-in they choose a new password
        and set up their authenticator app again. Records a
        staff.account_reset audit event.

Exits 1 if no staff account has the email.`,
  async run(args, io) {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
    const [sub, email, ...rest] = positionals;
    if (sub !== 'reset') {
      throw new UsageError(`staff needs a subcommand: reset (got ${sub ?? 'nothing'})`);
    }
    // Never echo what was given: a mistyped argument may be someone's password.
    if (email === undefined || rest.length > 0) throw new UsageError('staff reset takes one email');
    if (!/^[^\s@]{1,64}@[^\s@]{1,255}$/.test(email)) {
      throw new UsageError('staff reset needs an email address');
    }
    const database = await openMigratedDatabase(loadConfig(io.env), io);
    try {
      const reset = await new StaffAuthService({ db: database.db }).resetAccount(email);
      line(
        io.stderr,
        `Reset staff account ${reset.staffId}: second factor removed, sessions ended.`,
      );
      line(
        io.stderr,
        'One-time password (shown only now; it must be changed at the next sign-in):',
      );
      line(io.stdout, reset.oneTimePassword);
      return 0;
    } catch (error) {
      throw asCommandFailure(error);
    } finally {
      await database.close();
    }
  },
};
