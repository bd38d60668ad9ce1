import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { testApp } from '../../../test/support/app.ts';
import { describeEachEngine } from '../../../test/support/engines.ts';
import { testServices } from '../../../test/support/services.ts';
import { decodeHtml, heading, Visitor } from '../../../test/support/visitor.ts';
import { AccountsService } from '../../modules/accounts/accounts.service.ts';
import { secondFactorSealContext } from '../../modules/accounts/second-factors.repository.ts';
import { TokenBucket } from '../../modules/accounts/sign-in-rate-limit.ts';
import { StaffAuthService } from '../../modules/accounts/staff-auth.service.ts';
import { staffSessionPolicy } from '../../modules/accounts/staff-auth-policy.ts';
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
        services: { ...services, staffAuth: auth },
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
          ),
          fc.dictionary(fc.constantFrom('email', 'password', 'confirm', 'code', 'x'), text),
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

    /** The TOTP secret, opened with the staff member's key: the test stands in for their phone. */
    async function secretOf(): Promise<{ secret: string }> {
      const row = await database()
        .db.selectFrom('staff_second_factors')
        .select(['staff_id', 'secret'])
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
