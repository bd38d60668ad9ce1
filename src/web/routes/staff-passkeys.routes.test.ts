import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import fc from 'fast-check';
import { testApp } from '../../../test/support/app.ts';
import { describeEachEngine } from '../../../test/support/engines.ts';
import { testServices } from '../../../test/support/services.ts';
import { SoftwareAuthenticator } from '../../../test/support/software-authenticator.ts';
import { signedInStaff, testOrganisation } from '../../../test/support/staff.ts';
import { decodeHtml, heading, Visitor } from '../../../test/support/visitor.ts';
import type { AppServices } from '../app-services.ts';
import { scripts } from '../assets.ts';

type App = ReturnType<typeof testApp>['app'];

/** `app.request` speaks as http://localhost: the origin passkeys are bound to in tests. */
const origin = 'http://localhost';

/** The WebAuthn options a passkey form carries, as the page's script reads them. */
function passkeyOptions<T>(html: string, mode: 'register' | 'authenticate'): T {
  const form = new RegExp(`<form[^>]*data-passkey="${mode}"[^>]*>`).exec(html)?.[0];
  assert.ok(form, `a ${mode} passkey form`);
  const options = /data-passkey-options="([^"]*)"/.exec(form)?.[1];
  assert.ok(options, 'the form carries its options');
  return JSON.parse(decodeHtml(options)) as T;
}

/** Posts the page's passkey form as its script would: the hidden fields and the answer. */
async function postCredential(visitor: Visitor, action: string, credential: string) {
  return visitor.post(action, { credential });
}

describeEachEngine(
  'staff passkey pages',
  (database, _engine, keyStore) => {
    let app: App;
    let services: AppServices;
    let rules: ReturnType<typeof testServices>['rules'];
    let organisationId: string;

    before(async () => {
      const built = testServices(database(), keyStore());
      services = built.services;
      rules = built.rules;
      app = testApp({
        database: database(),
        services,
        rules: built.rules,
        config: { pseudoLocale: false },
      }).app;
      organisationId = await testOrganisation(database().db, ['tps']);
    });

    async function staffVisitor() {
      const staff = await signedInStaff(database().db, services, {
        organisationId,
        role: 'caseworker',
      });
      const visitor = new Visitor(app);
      const [name, value] = staff.cookie.split('=');
      visitor.cookies.set(name ?? '', value ?? '');
      return { visitor, ...staff };
    }

    async function addPasskey(visitor: Visitor, device: SoftwareAuthenticator) {
      await visitor.get('/en/staff/passkeys');
      const options = passkeyOptions<PublicKeyCredentialCreationOptionsJSON>(
        visitor.html,
        'register',
      );
      await postCredential(visitor, '/en/staff/passkeys', JSON.stringify(device.register(options)));
    }

    it('lists no passkeys at first, with a hidden form the script reveals', async () => {
      const { visitor } = await staffVisitor();
      await visitor.get('/en/staff');
      assert.match(visitor.html, /href="\/en\/staff\/passkeys"/, 'linked from the staff home');
      await visitor.get('/en/staff/passkeys');
      assert.equal(visitor.status, 200);
      assert.equal(heading(visitor.html), 'Passkeys');
      assert.match(visitor.html, /You have not added a passkey yet/);
      assert.match(visitor.html, /<form[^>]*hidden[^>]*data-passkey="register"/);
      assert.match(visitor.html, /data-passkey-unsupported/);
      for (const script of [scripts.webauthn, scripts.staffPasskey]) {
        assert.match(
          visitor.html,
          new RegExp(`<script src="${script.href.replaceAll('.', '\\.')}"`),
        );
        const served = await app.request(script.href);
        assert.equal(served.status, 200);
        assert.match(served.headers.get('content-type') ?? '', /text\/javascript/);
      }
      const options = passkeyOptions<PublicKeyCredentialCreationOptionsJSON>(
        visitor.html,
        'register',
      );
      assert.equal(options.rp.id, 'localhost');
      assert.ok(options.challenge.length >= 43, 'a challenge of at least 32 bytes');
    });

    it('adds a passkey, then signs in with it on the second-factor page', async () => {
      const { visitor, email, password } = await staffVisitor();
      const device = new SoftwareAuthenticator({ origin });
      await addPasskey(visitor, device);
      assert.equal(visitor.url, '/en/staff/passkeys?done=added');
      assert.match(visitor.html, /Passkey added/);
      assert.match(visitor.html, /Not used yet/);

      const fresh = new Visitor(app);
      await fresh.get('/en/staff/sign-in');
      await fresh.post('/en/staff/sign-in', { email, password });
      assert.equal(fresh.url, '/en/staff/second-factor');
      assert.match(fresh.html, /Use a passkey/);
      const request = passkeyOptions<PublicKeyCredentialRequestOptionsJSON>(
        fresh.html,
        'authenticate',
      );
      assert.deepEqual(
        request.allowCredentials?.map((credential) => credential.id),
        [device.id],
      );
      await postCredential(
        fresh,
        '/en/staff/second-factor/passkey',
        JSON.stringify(device.authenticate(request)),
      );
      assert.equal(fresh.url, '/en/staff');
      assert.equal(fresh.status, 200);
      await fresh.get('/en/staff/queue');
      assert.equal(fresh.status, 200, 'signed in: the console opens');
    });

    it('refuses a bad passkey answer with a coded message and keeps the code path open', async () => {
      const { visitor, email, password } = await staffVisitor();
      await addPasskey(visitor, new SoftwareAuthenticator({ origin }));
      const fresh = new Visitor(app);
      await fresh.get('/en/staff/sign-in');
      await fresh.post('/en/staff/sign-in', { email, password });
      const request = passkeyOptions<PublicKeyCredentialRequestOptionsJSON>(
        fresh.html,
        'authenticate',
      );
      const stranger = new SoftwareAuthenticator({ origin: 'https://phish.example' });
      await postCredential(
        fresh,
        '/en/staff/second-factor/passkey',
        JSON.stringify(stranger.authenticate(request)),
      );
      assert.equal(fresh.status, 401);
      assert.match(fresh.html, /That passkey could not be checked/);
      assert.match(fresh.html, /name="code"/, 'the code form is still there');
      await fresh.get('/en/staff/queue');
      assert.equal(fresh.url, '/en/staff/second-factor', 'not signed in');
    });

    it('refuses a malformed registration with a 422 page, never a 5xx', async () => {
      const { visitor } = await staffVisitor();
      for (const credential of ['', '{', '{"id":1}', '"x"', 'a'.repeat(60_000)]) {
        await visitor.get('/en/staff/passkeys');
        await postCredential(visitor, '/en/staff/passkeys', credential);
        assert.equal(visitor.status, 422, credential.slice(0, 20));
        assert.match(visitor.html, /That passkey could not be checked/);
      }
      await visitor.get('/en/staff/passkeys');
      await postCredential(visitor, '/en/staff/passkeys', 'a'.repeat(200_000));
      assert.equal(visitor.status, 413, 'a body over the form limit is refused before reading');
    });

    it('removes a passkey, and answers 404 for one that is not theirs', async () => {
      const { visitor, staffId } = await staffVisitor();
      const device = new SoftwareAuthenticator({ origin });
      await addPasskey(visitor, device);
      const other = await staffVisitor();
      await other.visitor.get('/en/staff/passkeys');
      const taken = await other.visitor.post('/en/staff/passkeys/remove', {
        _csrf: other.visitor.hiddenFields('/en/staff/passkeys')._csrf ?? '',
        credential: device.id,
      });
      assert.equal(taken.status, 404);
      assert.equal((await services.staffPasskeys.list(staffId)).length, 1);

      await visitor.get('/en/staff/passkeys');
      assert.deepEqual(visitor.hiddenFields('/en/staff/passkeys/remove').credential, device.id);
      await visitor.post('/en/staff/passkeys/remove', {});
      assert.equal(visitor.url, '/en/staff/passkeys?done=removed');
      assert.match(visitor.html, /Passkey removed/);
      assert.deepEqual(await services.staffPasskeys.list(staffId), []);
    });

    it('answers fuzzed passkey posts from real sessions with a 4xx or a redirect, never a 5xx', async () => {
      const { visitor, email, password } = await staffVisitor();
      await addPasskey(visitor, new SoftwareAuthenticator({ origin }));
      const half = new Visitor(app);
      await half.get('/en/staff/sign-in');
      await half.post('/en/staff/sign-in', { email, password });
      const base64url = fc
        .base64String({ maxLength: 200 })
        .map((text) => text.replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', ''));
      // Shaped like a WebAuthn answer, with anything inside, or not shaped at all.
      const answer = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc
          .record({
            id: base64url,
            rawId: base64url,
            type: fc.constantFrom('public-key', 'other'),
            response: fc.record({
              clientDataJSON: base64url,
              attestationObject: base64url,
              authenticatorData: base64url,
              signature: base64url,
              transports: fc.array(fc.constantFrom('usb', 'internal', 'carrier-pigeon')),
            }),
          })
          .map((value) => JSON.stringify(value)),
        fc.jsonValue().map((value) => JSON.stringify(value)),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(
            { who: visitor, page: '/en/staff/passkeys', action: '/en/staff/passkeys' },
            { who: visitor, page: '/en/staff/passkeys', action: '/en/staff/passkeys/remove' },
            {
              who: half,
              page: '/en/staff/second-factor',
              action: '/en/staff/second-factor/passkey',
            },
          ),
          answer,
          async ({ who, page, action }, credential) => {
            await who.get(page);
            const csrf = /name="_csrf" value="([^"]+)"/.exec(who.html)?.[1] ?? '';
            await who.post(action, { _csrf: csrf, credential });
            assert.ok(who.status >= 200 && who.status < 500, `${action} answered ${who.status}`);
          },
        ),
        { numRuns: 40 },
      );
    });

    it('needs a full session and a form token', async () => {
      const anonymous = new Visitor(app);
      await anonymous.get('/en/staff/passkeys');
      assert.equal(anonymous.url, '/en/staff/sign-in');
      const { visitor } = await staffVisitor();
      const forged = await app.request('/en/staff/passkeys', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: [...visitor.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        },
        body: 'credential=%7B%7D',
      });
      assert.equal(forged.status, 403);
      assert.match(await forged.text(), /BLG_CSRF_FAILED/);
    });

    it('offers no passkeys in production without BELONG_PUBLIC_ORIGIN', async () => {
      const production = testApp({
        database: database(),
        services,
        rules,
        config: { pseudoLocale: false, environment: 'production' },
      }).app;
      const { cookie } = await staffVisitor();
      const visitor = new Visitor(production);
      const [name, value] = cookie.split('=');
      visitor.cookies.set(name ?? '', value ?? '');
      await visitor.get('/en/staff/passkeys');
      assert.equal(visitor.status, 200);
      assert.doesNotMatch(visitor.html, /data-passkey="register"/);
      assert.match(visitor.html, /not set up for passkeys/);
    });
  },
  { keyStore: true },
);
