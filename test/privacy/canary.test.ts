import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { AuditEventRejected, recordAuditEvent } from '../../src/audit/audit.service.ts';
import { applicationFlows } from '../../src/flow/application-flows.ts';
import { pageByKey, setAnswer } from '../../src/flow/flow.ts';
import type { FlowAnswers } from '../../src/flow/flow-definition.ts';
import { createLogger } from '../../src/logger.ts';
import { BlindIndexer } from '../../src/privacy/blind-index.ts';
import { LocalKeyProvider } from '../../src/privacy/local-key-provider.ts';
import { sealedRecord } from '../../src/privacy/sealed-record.ts';
import { testApp } from '../support/app.ts';
import { testEngines } from '../support/engines.ts';
import { testServices } from '../support/services.ts';
import { testOrganisation } from '../support/staff.ts';
import { formFor, Visitor } from '../support/visitor.ts';
import { type CanaryStores, openCanaryStores } from './canary-stores.ts';

/**
 * The canary: a person whose every value is unique enough to grep for. The
 * promise under test (DESIGN.md, "Privacy and security model"): known test
 * personal data never appears in logs, errors, audit rows, blind indexes,
 * sealed columns or the database files on disk — while it does open back
 * from its sealed columns, so the test can tell "hidden" from "lost".
 */
const canary = {
  givenName: 'Zyxwvuta',
  familyName: 'Qortelliano',
  fullName: 'Zyxwvuta Qortelliano',
  birthDate: '1961-07-29',
  address: '4417 Canary Lane',
  phone: '+1 206 555 0147',
} as const;

/**
 * Every spelling of a canary value worth searching for, lower-case (the
 * search folds case): each value as written, URL-encoded and form-encoded;
 * each part of the name alone; the date and phone number as a normaliser
 * or a careless formatter would write them. "canary" alone is not one: the
 * test's own table is called that.
 */
const needles = [
  ...new Set(
    [
      ...Object.values(canary).flatMap((value) => [
        value,
        encodeURIComponent(value),
        new URLSearchParams({ v: value }).toString().slice(2),
      ]),
      'canary lane',
      '19610729',
      '07/29/1961',
      '29/07/1961',
      '+12065550147',
      '2065550147',
      '206-555-0147',
      '206 555 0147',
      '555-0147',
      '555 0147',
    ].map((needle) => needle.toLowerCase()),
  ),
];

/** The needles found in `text`, ignoring case; empty when the text is clean. */
function canaryIn(text: string): string[] {
  const haystack = text.toLowerCase();
  return needles.filter((needle) => haystack.includes(needle));
}

function assertNoCanary(where: string, text: string): void {
  assert.deepEqual(canaryIn(text), [], `canary plaintext found in ${where}`);
}

interface CanaryFields {
  given_name: string;
  family_name: string;
  birth_date: string;
  address: string;
  phone: string;
  answers: { fullName: string; birthDate: string; address: string; phone: string };
}

/** The canary as a repository would store them: each personal field, and all answers together. */
function canaryRecord(): CanaryFields {
  return {
    given_name: canary.givenName,
    family_name: canary.familyName,
    birth_date: canary.birthDate,
    address: canary.address,
    phone: canary.phone,
    answers: {
      fullName: canary.fullName,
      birthDate: canary.birthDate,
      address: canary.address,
      phone: canary.phone,
    },
  };
}

// A repository's view of its table: every personal column sealed, JSON-encoded.
const canaryPeople = sealedRecord<CanaryFields>('canary_people', {
  given_name: {},
  family_name: {},
  birth_date: {},
  address: {},
  phone: {},
  answers: {},
});

interface Exchange {
  label: string;
  status: number;
  /** The response's headers and body, as one text to search. */
  text: string;
}

const execFileAsync = promisify(execFile);

async function findPgDump(): Promise<string | undefined> {
  try {
    const { stdout } = await execFileAsync('which', ['pg_dump']);
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** A program's example answers with the canary's name, birth date and phone in them. */
function canaryAnswers(example: FlowAnswers): FlowAnswers {
  let answers = setAnswer(example, 'applicant.givenName', canary.givenName);
  answers = setAnswer(answers, 'applicant.familyName', canary.familyName);
  answers = setAnswer(answers, 'applicant.phone', canary.phone);
  const birthPath = 'birthDate' in answers ? 'birthDate' : 'applicant.birthDate';
  return setAnswer(answers, birthPath, canary.birthDate);
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

for (const engine of testEngines()) {
  describe(`canary: a person's plaintext stays sealed [${engine}]`, () => {
    const provider = new LocalKeyProvider(randomBytes(32));
    const indexer = new BlindIndexer(randomBytes(32));
    const personId = randomUUID();
    const organisationId = randomUUID();
    // Stored in plaintext on purpose: proves the disk search sees committed rows.
    const control = `plaintext-control-${randomBytes(8).toString('hex')}`;
    let logs: ReturnType<typeof testApp>['logs'] | undefined;
    const exchanges: Exchange[] = [];
    const errorMessages: string[] = [];
    let stores: CanaryStores;

    before(async () => {
      stores = await openCanaryStores(engine, provider);
    });
    after(async () => {
      await stores?.dispose();
    });

    it('seals each field, indexes it, audits it, and opens it back', async () => {
      const { db } = stores.main;
      await sql`CREATE TABLE canary_people (
        id uuid PRIMARY KEY,
        given_name text NOT NULL,
        family_name text NOT NULL,
        birth_date text NOT NULL,
        address bytea NOT NULL,
        phone text NOT NULL,
        answers text NOT NULL,
        family_name_index text,
        birth_date_index text,
        phone_index text
      )`.execute(db);
      await sql`CREATE TABLE canary_control (note text NOT NULL)`.execute(db);
      await sql`INSERT INTO canary_control (note) VALUES (${control})`.execute(db);

      const key = await stores.keys.create(personId);
      const sealed = canaryPeople.seal(canaryRecord(), key, personId);
      const indexes = {
        family_name_index: indexer.index('canary_people.family_name', 'name', canary.familyName),
        birth_date_index: indexer.index('canary_people.birth_date', 'date', canary.birthDate),
        phone_index: indexer.index('canary_people.phone', 'phone', canary.phone),
      };
      await sql`INSERT INTO canary_people (id, given_name, family_name, birth_date, address, phone,
          answers, family_name_index, birth_date_index, phone_index)
        VALUES (${personId}, ${sealed.given_name}, ${sealed.family_name}, ${sealed.birth_date},
          ${Buffer.from(sealed.address, 'utf8')}, ${sealed.phone}, ${sealed.answers},
          ${indexes.family_name_index}, ${indexes.birth_date_index}, ${indexes.phone_index})`.execute(
        db,
      );

      const fields = ['given_name', 'family_name', 'birth_date', 'address', 'phone', 'answers'];
      await recordAuditEvent(db, {
        organisationId,
        type: 'person.data_written',
        actor: 'system',
        subject: personId,
        details: { fields },
      });
      await recordAuditEvent(db, {
        organisationId,
        type: 'person.data_read',
        actor: randomUUID(),
        subject: personId,
        details: { fields, purpose: 'canary_check' },
      });
      await recordAuditEvent(db, {
        organisationId,
        type: 'person.report_created',
        actor: randomUUID(),
        subject: personId,
        details: {},
      });
      // The allow-list refuses the canary itself, and says so without echoing it.
      for (const details of [
        { fields: [canary.fullName] },
        { fields: ['given_name'], purpose: canary.birthDate },
        { fields: ['address'], note: canary.address },
      ]) {
        await assert.rejects(
          recordAuditEvent(db, {
            organisationId,
            type: 'person.data_read',
            actor: 'system',
            subject: personId,
            details: details as never,
          }),
          (error: unknown) => {
            assert.ok(error instanceof AuditEventRejected);
            errorMessages.push(error.message);
            return true;
          },
        );
      }

      // Read back as a repository would, with a key fetched afresh: it all opens.
      const row = (
        await sql<{
          given_name: string;
          family_name: string;
          birth_date: string;
          address: Uint8Array;
          phone: string;
          answers: string;
        }>`SELECT given_name, family_name, birth_date, address, phone, answers
          FROM canary_people WHERE id = ${personId}`.execute(db)
      ).rows[0];
      assert.ok(row);
      const opened = canaryPeople.open(
        { ...row, address: Buffer.from(row.address).toString('utf8') },
        await stores.keys.get(personId),
        personId,
      );
      assert.deepEqual(opened, canaryRecord());
      // The indexes find the person by other spellings of the same values.
      assert.equal(
        indexer.index('canary_people.family_name', 'name', ' QORTELLIANO '),
        indexes.family_name_index,
      );
      assert.equal(
        indexer.index('canary_people.phone', 'phone', '(206) 555-0147'),
        indexes.phone_index,
      );
    });

    it('sends the canary to the web app in a query, a path, a form and a JSON body', async () => {
      const query = new URLSearchParams({
        name: canary.fullName,
        birthDate: canary.birthDate,
        address: canary.address,
        phone: canary.phone,
      }).toString();
      const pathParts = [canary.fullName, canary.birthDate, canary.address, canary.phone]
        .map(encodeURIComponent)
        .join('/');
      const metricsToken = randomBytes(32).toString('hex');
      const { services, rules } = testServices(stores.main, stores.keyStore);
      const web = testApp({ database: stores.main, services, rules, config: { metricsToken } });
      logs = web.logs;
      const csrfCookie = `belong_csrf=${randomBytes(32).toString('base64url')}`;
      const form = { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie };
      const requests: [string, string, RequestInit?][] = [
        ['query, home page', `/?${query}`],
        ['query, home page in Spanish', `/es/?${query}`],
        ['query, unknown page', `/nowhere?${query}`],
        ['query, health', `/health?${query}`],
        // A client's own request id in the shape of a proxy's: digits of a phone number.
        ['request id, home page', '/', { headers: { 'x-request-id': '2065550147' } }],
        ['path, unknown page', `/people/${pathParts}`],
        ['path, unknown page in Arabic', `/ar/people/${pathParts}`],
        ['path, unknown API route', `/api/people/${pathParts}?${query}`],
        [
          'form, bad CSRF token',
          '/',
          { method: 'POST', headers: form, body: `_csrf=bad&${query}` },
        ],
        [
          'form, bad CSRF token, foreign origin',
          '/',
          {
            method: 'POST',
            headers: { ...form, origin: 'https://elsewhere.example' },
            body: `_csrf=bad&${query}`,
          },
        ],
        [
          'form, too large',
          '/',
          { method: 'POST', headers: form, body: `_csrf=bad&${query}&${query.repeat(800)}` },
        ],
        [
          'JSON, unknown API route',
          '/api/people',
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ person: canary, answers: canary }),
          },
        ],
        [
          'JSON, unknown API route, malformed',
          '/api/people',
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: `{"name": "${canary.fullName}", `,
          },
        ],
      ];
      for (const [label, url, init] of requests) {
        const response = await web.app.request(`http://localhost${url}`, init);
        const headers = [...response.headers.entries()].map(([name, value]) => `${name}: ${value}`);
        exchanges.push({
          label,
          status: response.status,
          text: `${headers.join('\n')}\n\n${await response.text()}`,
        });
      }
      // The canary applies for every program, through the partner API and
      // through the pages a person fills in, then checks the status. An
      // organisation takes the cases, so they can be exported below.
      const exportingOrganisation = await testOrganisation(stores.main.db, [
        ...applicationFlows.keys(),
      ]);
      for (const [program, { exampleAnswers }] of applicationFlows) {
        const answers = canaryAnswers(exampleAnswers);
        const created = await web.app.request('http://localhost/api/v1/applications', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': `canary-${program}` },
          body: JSON.stringify({ program, answers }),
        });
        const text = await created.text();
        exchanges.push({ label: `API application, ${program}`, status: created.status, text });
        assert.equal(created.status, 201, text);
        const receipt = JSON.parse(text) as { reference: string; claimCode: string };
        const status = await web.app.request(
          `http://localhost/api/v1/applications/${receipt.reference}`,
          { headers: { 'x-claim-code': receipt.claimCode } },
        );
        exchanges.push({
          label: `API status, ${program}`,
          status: status.status,
          text: await status.text(),
        });
        assert.equal(status.status, 200);
      }
      const visitor = new Visitor(web.app);
      const tps = applicationFlows.get('tps');
      assert.ok(tps);
      await visitor.get('/en/apply/tps');
      await visitor.post('/en/apply/tps/start', {});
      for (let step = 0; step < 40 && !visitor.url.endsWith('/check-answers'); step++) {
        const page = pageByKey(tps.flow, visitor.url.split('?')[0]?.split('/').at(-1) ?? '');
        assert.ok(page, visitor.url);
        await visitor.post(visitor.formAction(), formFor(page, canaryAnswers(tps.exampleAnswers)));
        // The page after the last question is check your answers, the one page
        // that shows a person their own answers: it is checked apart, above.
        if (!visitor.url.endsWith('/check-answers')) {
          exchanges.push({
            label: `form page ${page.key}`,
            status: visitor.status,
            text: visitor.html,
          });
        }
      }
      // Check your answers shows the canary back to the canary: that page is theirs.
      assert.match(visitor.html, new RegExp(canary.familyName));
      await visitor.post('/en/apply/tps/check-answers', { declaration: 'yes' });
      exchanges.push({ label: 'form confirmation', status: visitor.status, text: visitor.html });
      assert.match(visitor.url, /\/confirmation$/);

      // A supervisor's export without personal columns holds no canary; the
      // one with them does, and is the only place it may.
      const supervisor = {
        staffId: randomUUID(),
        memberships: [{ organisationId: exportingOrganisation, role: 'supervisor' as const }],
      };
      const exported = await services.exports.exportCsv(supervisor, exportingOrganisation);
      assert.ok(exported.rows >= applicationFlows.size, 'the canary’s cases are exported');
      exchanges.push({ label: 'CSV export, no personal columns', status: 200, text: exported.csv });
      const personal = await services.exports.exportCsv(supervisor, exportingOrganisation, {
        personal: true,
      });
      assert.match(personal.csv, new RegExp(canary.familyName), 'the personal export needs them');

      // Scraped last, so every request above is counted in it.
      const scrape = await web.app.request('http://localhost/metrics', {
        headers: { authorization: `Bearer ${metricsToken}` },
      });
      const metrics = await scrape.text();
      assert.equal(scrape.status, 200);
      assert.match(
        metrics,
        /belong_http_requests_total\{route="\/",method="GET",status="2xx"\} [2-9]/,
      );
      exchanges.push({ label: 'metrics', status: scrape.status, text: metrics });
      // Each request reached the app and was answered as expected.
      const statuses = Object.fromEntries(exchanges.map((e) => [e.label, e.status]));
      assert.equal(statuses['query, home page'], 200);
      assert.equal(statuses['path, unknown page'], 404);
      assert.equal(statuses['form, bad CSRF token'], 403);
      assert.equal(statuses['form, too large'], 413);
      assert.equal(statuses['JSON, unknown API route'], 404);
      assert.ok(web.logs.lines.length >= requests.length);

      // The last net: personal fields handed to the logger by name are redacted.
      const logger = createLogger({ level: 'debug', destination: web.logs });
      logger.info({ name: canary.fullName, person: { birthDate: canary.birthDate } }, 'canary');
      logger.info({ answers: canary, phone: canary.phone, address: canary.address }, 'canary');
      logger.flush();
    });

    it('no log line holds the canary', () => {
      assert.ok(logs && logs.lines.length > 0);
      for (const line of logs.lines) assertNoCanary(`the log line ${line}`, line);
      const redacted = logs.lines.filter((line) => line.includes('"msg":"canary"'));
      assert.equal(redacted.length, 2);
      for (const line of redacted) assert.match(line, /\[redacted\]/);
    });

    it('no response holds the canary, error or not', () => {
      assert.ok(exchanges.length > 0);
      assert.ok(exchanges.some((exchange) => exchange.label.startsWith('path, unknown page')));
      for (const exchange of exchanges) {
        assertNoCanary(`the response to "${exchange.label}" (${exchange.status})`, exchange.text);
      }
    });

    it('no refused audit event names the canary in its error', () => {
      assert.equal(errorMessages.length, 3);
      for (const message of errorMessages) assertNoCanary(`the error ${message}`, message);
    });

    it('no audit row, blind index or sealed column holds the canary', async () => {
      const { db } = stores.main;
      const audit = await sql<{ row: string }>`SELECT e::text AS row FROM audit_events e`.execute(
        db,
      );
      assert.ok(audit.rows.filter((r) => r.row.includes(personId)).length >= 3);
      const heads = await sql<{ row: string }>`SELECT h::text AS row FROM audit_heads h`.execute(
        db,
      );
      const people = await sql<{ row: string }>`SELECT p::text AS row FROM canary_people p`.execute(
        db,
      );
      assert.equal(people.rows.length, 1);
      const indexes = await sql<{ value: string | null }>`
        SELECT unnest(ARRAY[family_name_index, birth_date_index, phone_index]) AS value
        FROM canary_people`.execute(db);
      for (const { value } of indexes.rows) assert.match(value ?? '', /^[0-9a-f]{3,8}$/);
      for (const { row } of [...audit.rows, ...heads.rows])
        assertNoCanary(`the audit row ${row}`, row);
      for (const { row } of people.rows) assertNoCanary(`the sealed row ${row}`, row);
      for (const row of await stores.keyStoreRowsAsText()) {
        assertNoCanary(`the key store row ${row}`, row);
      }
      // The search itself works: the control, stored in plaintext, is found.
      const controlRows = await sql<{
        row: string;
      }>`SELECT c::text AS row FROM canary_control c`.execute(db);
      assert.ok(controlRows.rows.some((r) => r.row.includes(control)));
    });

    it('no database file on disk holds the canary', async (t) => {
      if (stores.location.engine === 'pglite') {
        // Closed first, so everything committed has reached the files.
        await stores.close();
        let sawControl = false;
        let files = 0;
        for (const directory of stores.location.directories) {
          for (const file of filesUnder(directory)) {
            files++;
            const text = readFileSync(file).toString('latin1');
            if (text.includes(control)) sawControl = true;
            assertNoCanary(`the database file ${file}`, text);
          }
        }
        assert.ok(files > 0);
        assert.ok(sawControl, 'the control value was not found on disk: the search proves nothing');
        return;
      }
      const pgDump = await findPgDump();
      if (!pgDump) {
        t.skip('pg_dump is not installed, so the PostgreSQL schemas cannot be dumped and searched');
        return;
      }
      const { databaseUrl, schemas } = stores.location;
      const { stdout } = await execFileAsync(
        pgDump,
        ['--no-owner', ...schemas.map((schema) => `--schema=${schema}`), databaseUrl],
        { maxBuffer: 256 * 1024 * 1024 },
      );
      assert.ok(
        stdout.includes(control),
        'the control value is not in the dump: it proves nothing',
      );
      assert.ok(stdout.includes('canary_people'));
      assertNoCanary('the pg_dump of the test schemas', stdout);
    });
  });
}
