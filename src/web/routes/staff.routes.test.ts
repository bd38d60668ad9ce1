import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { testApp } from '../../../test/support/app.ts';
import { describeEachEngine } from '../../../test/support/engines.ts';
import { testServices } from '../../../test/support/services.ts';
import { decodeHtml, heading, Visitor } from '../../../test/support/visitor.ts';
import { AccountsService } from '../../modules/accounts/accounts.service.ts';
import { StaffPasskeysService } from '../../modules/accounts/passkeys.service.ts';
import { secondFactorSealContext } from '../../modules/accounts/second-factors.repository.ts';
import { TokenBucket } from '../../modules/accounts/sign-in-rate-limit.ts';
import { StaffAuthService } from '../../modules/accounts/staff-auth.service.ts';
import {
  staffLockoutPolicy,
  staffSessionPolicy,
} from '../../modules/accounts/staff-auth-policy.ts';
import { totpCodeAt } from '../../modules/accounts/totp.ts';
import type { PrivacyRuntime } from '../../privacy/privacy-runtime.ts';
import { openText } from '../../privacy/sealing.ts';
import { buildApp } from '../app.ts';
import { staffRoutes } from './staff.routes.tsx';

const newPassword = 'seven green lanterns at dusk';

/** The visible text of the page's alerts and error messages. */
function alerts(html: string): string {
  return decodeHtml(
    [
      ...html.matchAll(
        /<(?:div class="usa-alert[^"]*"|span class="usa-error-message")[\s\S]*?<\/(?:div|span)>/g,
      ),
    ]
      .map((match) => match[0].replace(/<[^>]+>/g, ' '))
      .join(' '),
  ).replace(/\s+/g, ' ');
}

describeEachEngine(
  'staff pages, without JavaScript',
  (database, _engine, keyStore) => {
    let now = new Date('2026-11-25T09:00:00.000Z');
    let app: ReturnType<typeof buildApp>;
    let auth: StaffAuthService;
    let privacy: PrivacyRuntime;
    let email: string;
    let oneTimePassword: string;
    let staffId: string;

    before(async () => {
      const built = testServices(database(), keyStore());
      const { services, rules } = built;
      privacy = built.privacy;
      auth = new StaffAuthService({
        db: database().db,
        personKeys: privacy.personKeys,
        now: () => now,
      });
      app = testApp({
        database: database(),
        services: {
          ...services,
          staffAuth: auth,
          // Passkeys ask the same sign-in service, on the same moved clock.
          staffPasskeys: new StaffPasskeysService({
            db: database().db,
            personKeys: privacy.personKeys,
            auth,
            now: () => now,
          }),
        },
        rules,
        config: { pseudoLocale: false },
      }).app;
      const accounts = new AccountsService(database().db);
      const organisation = await accounts.createOrganisation('eastside', 'Eastside Legal Aid');
      const created = await accounts.createStaffWithOneTimePassword({
        email: 'lupe@eastside.example.org',
        displayName: 'Lupe Ortega',
        organisationId: organisation.id,
        role: 'navigator',
      });
      email = created.email;
      oneTimePassword = created.oneTimePassword;
      staffId = created.staffId;
    });

    it('sends a visitor without a session to sign in, and no page of it is cached', async () => {
      const visitor = new Visitor(app);
      const response = await visitor.get('/en/staff');
      assert.equal(visitor.url, '/en/staff/sign-in');
      assert.equal(visitor.status, 200);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.match(visitor.html, /type="password"/);
      assert.match(visitor.html, /autocomplete="current-password"/);
      // An action with no session is refused with a code, not redirected.
      const token = visitor.hiddenFields('/en/staff/sign-in')._csrf ?? '';
      const posted = await app.request('/en/staff/sign-out-everywhere', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: [...visitor.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        },
        body: new URLSearchParams({ _csrf: token }).toString(),
      });
      assert.equal(posted.status, 401);
      assert.match(await posted.text(), /BLG_STAFF_SIGN_IN_REQUIRED/);
    });

    it('walks first sign-in to the staff home page, then signs out', async () => {
      const visitor = new Visitor(app);
      await visitor.get('/en/staff/sign-in');
      await visitor.post('/en/staff/sign-in', { email, password: oneTimePassword });
      assert.equal(visitor.url, '/en/staff/enrol');
      assert.equal(heading(visitor.html), 'Choose your password');
      const cookie = [...visitor.cookies.keys()].find((name) => name.includes('belong_staff'));
      assert.equal(cookie, 'belong_staff');

      await visitor.post('/en/staff/enrol/password', {
        password: 'password1',
        confirm: 'password1',
      });
      assert.equal(visitor.status, 422);
      assert.match(alerts(visitor.html), /list of common or leaked passwords/);
      assert.doesNotMatch(visitor.html, /value="password1"/, 'a password is never shown back');
      await visitor.post('/en/staff/enrol/password', { password: newPassword, confirm: 'other' });
      assert.match(alerts(visitor.html), /not the same/);
      await visitor.post('/en/staff/enrol/password', {
        password: newPassword,
        confirm: newPassword,
      });
      assert.equal(visitor.url, '/en/staff/enrol');
      assert.equal(heading(visitor.html), 'Set up your authenticator app');
      assert.match(visitor.html, /<svg class="staff-qr" role="img" aria-label="[^"]+"/);
      assert.match(decodeHtml(visitor.html), /otpauth:\/\/totp\/Belong:/);
      const secret = /class="staff-secret">([A-Z2-7 ]+)</
        .exec(visitor.html)?.[1]
        ?.replace(/ /g, '');
      assert.ok(secret, 'the key is shown to type by hand');
      const html = gzipSync(visitor.html).length;
      assert.ok(html < 20 * 1024, `the enrolment page weighs ${html} bytes compressed`);

      await visitor.post('/en/staff/enrol/totp', { code: '000000' });
      assert.equal(visitor.status, 401);
      assert.match(alerts(visitor.html), /not right or was already used/);
      await visitor.post('/en/staff/enrol/totp', { code: totpCodeAt(secret, now) });
      assert.equal(visitor.url, '/en/staff');
      assert.equal(visitor.status, 200);
      assert.match(
        decodeHtml(visitor.html),
        /Signed in as Lupe Ortega \(lupe@eastside\.example\.org\)/,
      );
      assert.match(visitor.html, /Eastside Legal Aid/);
      assert.match(visitor.html, /Navigator/);

      await visitor.post('/en/staff/sign-out', {});
      assert.equal(visitor.url, '/en/staff/sign-in?signed-out=1');
      assert.match(alerts(visitor.html), /You are signed out/);
      await visitor.get('/en/staff');
      assert.equal(visitor.url, '/en/staff/sign-in', 'the old cookie opens nothing');
    });

    it('asks for the code on later sign-ins, and says the same for an unknown email', async () => {
      const visitor = new Visitor(app);
      await visitor.get('/en/staff/sign-in');
      await visitor.post('/en/staff/sign-in', {
        email: 'nobody@example.org',
        password: newPassword,
      });
      assert.equal(visitor.status, 401);
      const unknown = alerts(visitor.html);
      await visitor.post('/en/staff/sign-in', { email, password: 'wrong password here' });
      assert.equal(visitor.status, 401);
      assert.equal(alerts(visitor.html), unknown);
      assert.match(visitor.html, /value="lupe@eastside\.example\.org"/, 'the email is kept');

      now = new Date(now.getTime() + 60_000);
      await visitor.post('/en/staff/sign-in', { email, password: newPassword });
      assert.equal(visitor.url, '/en/staff/second-factor');
      // Half signed in: the home page is not open yet.
      await visitor.get('/en/staff');
      assert.equal(visitor.url, '/en/staff/second-factor');

      const factor = await database()
        .db.selectFrom('staff_second_factors')
        .select('secret')
        .where('staff_id', '=', staffId)
        .executeTakeFirstOrThrow();
      assert.match(factor.secret, /^v1\./);
      const { secret } = await secretOf();
      await visitor.post('/en/staff/second-factor', { code: totpCodeAt(secret, now) });
      assert.equal(visitor.url, '/en/staff');

      // Idle for 30 minutes: signed out.
      now = new Date(now.getTime() + staffSessionPolicy.idleTimeoutMs);
      await visitor.get('/en/staff');
      assert.equal(visitor.url, '/en/staff/sign-in');
    });

    it('signs out everywhere', async () => {
      const first = await signedInVisitor();
      now = new Date(now.getTime() + 30_000);
      const second = await signedInVisitor();
      await second.get('/en/staff/sign-out-everywhere');
      assert.equal(heading(second.html), 'Sign out everywhere');
      await second.post('/en/staff/sign-out-everywhere', {});
      assert.equal(second.url, '/en/staff/sign-in?signed-out=everywhere');
      await first.get('/en/staff');
      assert.equal(first.url, '/en/staff/sign-in');
    });

    it('refuses sign-in posts past the rate limit with a 429', async () => {
      const limited = new Visitor(
        buildApp(testApp().config, {}).route(
          '/',
          staffRoutes(auth, { limiter: new TokenBucket(1, 0) }),
        ),
      );
      await limited.get('/en/staff/sign-in');
      await limited.post('/en/staff/sign-in', {
        email: 'nobody@example.org',
        password: 'x'.repeat(9),
      });
      assert.equal(limited.status, 401);
      await limited.post('/en/staff/sign-in', {
        email: 'nobody@example.org',
        password: 'x'.repeat(9),
      });
      assert.equal(limited.status, 429);
      assert.match(alerts(limited.html), /too many sign-in attempts/);
    });

    it('answers any form post, however malformed, with a 4xx or a redirect, never a 5xx', async () => {
      const visitor = new Visitor(app);
      await visitor.get('/en/staff/sign-in');
      const csrf = visitor.hiddenFields('/en/staff/sign-in')._csrf ?? '';
      const cookies = [...visitor.cookies].map(([name, value]) => `${name}=${value}`);
      const text = fc.string({ unit: 'binary', maxLength: 300 });
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(
            '/en/staff/sign-in',
            '/en/staff/second-factor',
            '/en/staff/enrol/password',
            '/en/staff/enrol/totp',
            '/en/staff/sign-out',
            '/en/staff/sign-out-everywhere',
            '/en/staff/password',
            '/en/staff/second-factor/passkey',
            '/en/staff/passkeys',
            '/en/staff/passkeys/remove',
          ),
          fc.dictionary(
            fc.constantFrom('email', 'password', 'current', 'confirm', 'code', 'credential', 'x'),
            text,
          ),
          fc.option(fc.oneof(text, fc.base64String({ minLength: 43, maxLength: 44 }))),
          async (action, fields, session) => {
            const body = new URLSearchParams({ ...fields, _csrf: csrf });
            const cookie = [
              ...cookies,
              ...(session === null ? [] : [`belong_staff=${encodeURIComponent(session)}`]),
            ];
            const response = await app.request(action, {
              method: 'POST',
              headers: {
                'content-type': 'application/x-www-form-urlencoded',
                cookie: cookie.join('; '),
              },
              body: body.toString(),
            });
            assert.ok(
              response.status === 303 || (response.status >= 400 && response.status < 500),
              `${action} answered ${response.status}`,
            );
          },
        ),
        { numRuns: 40 },
      );
    });

    describe('changing one’s own password', () => {
      const chosen = 'nine quiet herons wading';
      const typed = ['typed wrong current passphrase', chosen, newPassword, 'not the same twice'];

      /** No password typed into the form is ever sent back in the page. */
      const noEcho = (html: string) => {
        for (const secret of typed) assert.ok(!html.includes(secret), 'a password shown back');
      };

      it('links from the staff home page and shows the form, never cached', async () => {
        const { visitor } = await ownStaff();
        await visitor.get('/en/staff');
        assert.match(visitor.html, /<a href="\/en\/staff\/password">Change your password<\/a>/);
        const response = await visitor.get('/en/staff/password');
        assert.equal(visitor.status, 200);
        assert.equal(response.headers.get('cache-control'), 'no-store');
        assert.equal(heading(visitor.html), 'Change your password');
        assert.match(
          visitor.html,
          /name="current" type="password" autocomplete="current-password"/,
        );
        assert.match(visitor.html, /name="password" type="password" autocomplete="new-password"/);
        assert.match(visitor.html, /name="confirm" type="password" autocomplete="new-password"/);
        assert.match(visitor.html, /At least 8 characters/);
        assert.ok(visitor.hiddenFields('/en/staff/password')._csrf, 'the form carries a token');
        // Without a session the page is not there.
        const anonymous = new Visitor(app);
        await anonymous.get('/en/staff/password');
        assert.equal(anonymous.url, '/en/staff/sign-in');
      });

      it('refuses each mistake with a 4xx, the message by its field, and the form empty', async () => {
        const { visitor } = await ownStaff();
        await visitor.get('/en/staff/password');
        const post = (fields: Record<string, string>) => visitor.post('/en/staff/password', fields);

        await post({});
        assert.equal(visitor.status, 422);
        assert.match(alerts(visitor.html), /Enter your current password\./);
        assert.match(alerts(visitor.html), /Enter a new password\./);
        assert.match(visitor.html, /<a href="#staff-current">/, 'the summary links to the field');
        assert.match(visitor.html, /<a href="#staff-password">/);

        await post({ current: newPassword, password: chosen, confirm: 'not the same twice' });
        assert.equal(visitor.status, 422);
        assert.match(alerts(visitor.html), /not the same/);
        assert.match(visitor.html, /<a href="#staff-confirm">/);
        noEcho(visitor.html);

        await post({ current: newPassword, password: 'password1', confirm: 'password1' });
        assert.equal(visitor.status, 422);
        assert.match(alerts(visitor.html), /list of common or leaked passwords/);
        assert.doesNotMatch(visitor.html, /value="password1"/);

        await post({ current: newPassword, password: newPassword, confirm: newPassword });
        assert.equal(visitor.status, 422);
        assert.match(alerts(visitor.html), /the same as your current one/);
        noEcho(visitor.html);

        await post({
          current: 'typed wrong current passphrase',
          password: chosen,
          confirm: chosen,
        });
        assert.equal(visitor.status, 401);
        assert.match(alerts(visitor.html), /Your current password is not right/);
        assert.match(
          visitor.html,
          /<input class="usa-input usa-input--error" id="staff-current" name="current"/,
        );
        assert.match(visitor.html, /<a href="#staff-current">/);
        noEcho(visitor.html);
        assert.equal(heading(visitor.html), 'Change your password', 'still signed in');
      });

      it('changes it, says so on the staff home page, and signs out the other devices', async () => {
        const { visitor, email: ownEmail, secret } = await ownStaff();
        now = new Date(now.getTime() + 30_000);
        const elsewhere = await auth.signIn(ownEmail, newPassword);
        const other = await auth.verifySecondFactor(elsewhere.token, totpCodeAt(secret, now));
        const before = visitor.cookies.get('belong_staff');

        await visitor.get('/en/staff/password');
        await visitor.post('/en/staff/password', {
          current: newPassword,
          password: chosen,
          confirm: chosen,
        });
        assert.equal(visitor.url, '/en/staff?password-changed=1');
        assert.equal(visitor.status, 200);
        assert.match(alerts(visitor.html), /Your password is changed/);
        assert.match(visitor.html, /class="usa-alert usa-alert--success" role="status"/);
        noEcho(visitor.html);
        assert.notEqual(visitor.cookies.get('belong_staff'), before, 'a new session id');
        assert.equal(await auth.session(before), undefined);
        assert.equal(await auth.session(other.token), undefined, 'the other device is signed out');
        await visitor.get('/en/staff');
        assert.equal(visitor.url, '/en/staff', 'still signed in here');
        assert.doesNotMatch(alerts(visitor.html), /Your password is changed/, 'said once');
        assert.equal((await auth.signIn(ownEmail, chosen)).stage, 'second-factor');
      });

      it('refuses a post without the form token with a 403, and changes nothing', async () => {
        const { visitor, email: ownEmail } = await ownStaff();
        const response = await app.request('/en/staff/password', {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            cookie: `belong_staff=${visitor.cookies.get('belong_staff')}`,
          },
          body: new URLSearchParams({
            current: newPassword,
            password: chosen,
            confirm: chosen,
          }).toString(),
        });
        assert.equal(response.status, 403);
        const html = await response.text();
        assert.match(html, /BLG_CSRF_FAILED/);
        noEcho(html);
        assert.equal((await auth.signIn(ownEmail, newPassword)).stage, 'second-factor');
      });

      it('refuses posts past the rate limit with a 429', async () => {
        const { visitor } = await ownStaff();
        const limited = new Visitor(
          buildApp(testApp().config, {}).route(
            '/',
            staffRoutes(auth, { limiter: new TokenBucket(1, 0) }),
          ),
        );
        limited.cookies.set('belong_staff', visitor.cookies.get('belong_staff') ?? '');
        await limited.get('/en/staff/password');
        const wrong = {
          current: 'typed wrong current passphrase',
          password: chosen,
          confirm: chosen,
        };
        await limited.post('/en/staff/password', wrong);
        assert.equal(limited.status, 401);
        await limited.post('/en/staff/password', wrong);
        assert.equal(limited.status, 429);
        assert.match(alerts(limited.html), /too many sign-in attempts/);
        noEcho(limited.html);
      });

      it('signs out on the wrong current password that locks the account', async () => {
        const { visitor } = await ownStaff();
        await visitor.get('/en/staff/password');
        for (let attempt = 1; attempt < staffLockoutPolicy.maxFailures; attempt++) {
          await visitor.post('/en/staff/password', {
            current: 'typed wrong current passphrase',
            password: chosen,
            confirm: chosen,
          });
          assert.equal(visitor.status, 401);
        }
        await visitor.post('/en/staff/password', {
          current: 'typed wrong current passphrase',
          password: chosen,
          confirm: chosen,
        });
        assert.equal(visitor.status, 401);
        assert.equal(heading(visitor.html), 'Staff sign-in');
        assert.equal(visitor.cookies.get('belong_staff'), undefined, 'the cookie is cleared');
        noEcho(visitor.html);
      });

      it('answers fuzzed posts to the form, signed in or not, with a 4xx or a redirect, never a 5xx', async () => {
        const { visitor } = await ownStaff();
        await visitor.get('/en/staff/password');
        const csrf = visitor.hiddenFields('/en/staff/password')._csrf ?? '';
        const session = visitor.cookies.get('belong_staff') ?? '';
        const text = fc.string({ unit: 'binary', maxLength: 300 });
        await fc.assert(
          fc.asyncProperty(
            fc.dictionary(fc.constantFrom('current', 'password', 'confirm', '_csrf', 'x'), text),
            fc.constantFrom(session, '', 'x'.repeat(43)),
            async (fields, token) => {
              const response = await app.request('/en/staff/password', {
                method: 'POST',
                headers: {
                  'content-type': 'application/x-www-form-urlencoded',
                  cookie: `belong_staff=${encodeURIComponent(token)}`,
                },
                body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
              });
              assert.ok(
                response.status === 303 || (response.status >= 400 && response.status < 500),
                `answered ${response.status}`,
              );
            },
          ),
          { numRuns: 40 },
        );
      });
    });

    /** A staff member of their own, fully signed in, on a browser of their own. */
    async function ownStaff(): Promise<{ visitor: Visitor; email: string; secret: string }> {
      const accounts = new AccountsService(database().db);
      const organisation = await accounts.createOrganisation(
        `org-${randomUUID().slice(0, 8)}`,
        'Westside Clinic',
      );
      const ownEmail = `staff-${randomUUID().slice(0, 8)}@example.org`;
      const created = await accounts.createStaffWithOneTimePassword({
        email: ownEmail,
        displayName: 'Ana Reyes',
        organisationId: organisation.id,
        role: 'caseworker',
      });
      const first = await auth.signIn(ownEmail, created.oneTimePassword);
      await auth.changeOneTimePassword(first.token, newPassword);
      const { secret } = await auth.beginTotpEnrolment(first.token);
      const signed = await auth.confirmTotpEnrolment(first.token, totpCodeAt(secret, now));
      const visitor = new Visitor(app);
      visitor.cookies.set('belong_staff', signed.token);
      return { visitor, email: ownEmail, secret };
    }

    /** The TOTP secret, opened with the staff member's key: the test stands in for their phone. */
    async function secretOf(): Promise<{ secret: string }> {
      const row = await database()
        .db.selectFrom('staff_second_factors')
        .select(['staff_id', 'secret'])
        .where('staff_id', '=', staffId)
        .executeTakeFirstOrThrow();
      const key = await privacy.personKeys.get(row.staff_id);
      return { secret: openText(row.secret, key, secondFactorSealContext(row.staff_id)) };
    }

    async function signedInVisitor(): Promise<Visitor> {
      const visitor = new Visitor(app);
      await visitor.get('/en/staff/sign-in');
      await visitor.post('/en/staff/sign-in', { email, password: newPassword });
      const { secret } = await secretOf();
      await visitor.post('/en/staff/second-factor', { code: totpCodeAt(secret, now) });
      assert.equal(visitor.url, '/en/staff');
      return visitor;
    }
  },
  { keyStore: true },
);
