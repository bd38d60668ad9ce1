import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAnswerRows, parsePageForm } from '../../flow/flow.ts';
import type { FlowDefinition, FlowPage } from '../../flow/flow-definition.ts';
import { repeatFormState } from '../../flow/repeat-form.ts';
import type { MessageKey } from '../../i18n/message-key.ts';
import { Translations } from '../../i18n/translator.ts';
import { CheckAnswersList, FlowPageForm, formatAnswer } from './flow-page.tsx';

const translations = new Translations();
const en = translations.for('en');
const es = translations.for('es');

const title = 'flow.checkAnswersTitle' as MessageKey;
const label = 'flow.day' as MessageKey;

const birth: FlowPage = {
  key: 'birth-date',
  title,
  why: 'flow.checkAnswersLead',
  fields: [{ path: 'applicant.birthDate', kind: 'date', label, autocomplete: 'bday' }],
};
const trips: FlowPage = {
  key: 'trips',
  title,
  repeat: { path: 'trips', max: 2, itemLabel: 'flow.itemNumber', addAnother: 'flow.addAnother' },
  fields: [
    { path: 'departed', kind: 'date', label },
    { path: 'returned', kind: 'date', label },
  ],
};
const details: FlowPage = {
  key: 'details',
  title,
  fields: [
    { path: 'income', kind: 'money', label: 'flow.month' },
    { path: 'email', kind: 'email', label: 'flow.year', optional: true, autocomplete: 'email' },
    {
      path: 'kind',
      kind: 'choice',
      label: 'flow.remove',
      options: [
        { value: 'a', label: 'flow.yes' },
        { value: 'b', label: 'flow.no' },
      ],
    },
  ],
};

async function html(element: unknown): Promise<string> {
  return (await (element as { toString(): Promise<string> | string }).toString()) as string;
}

describe('FlowPageForm', () => {
  it('asks one question with its title as the legend’s h1, why it is asked and the CSRF token', async () => {
    const out = await html(
      <FlowPageForm
        t={en}
        page={birth}
        values={{ applicant: { birthDate: '1980-03-09' } }}
        action="/apply/x/birth-date"
        csrfToken="tok"
        backHref="/back"
      />,
    );
    assert.match(
      out,
      /<legend class="usa-legend usa-legend--large"><h1>Check your answers<\/h1><\/legend>/,
    );
    assert.match(out, /class="usa-inset"[^>]*><strong>Why we ask<\/strong>/);
    assert.match(out, /<input type="hidden" name="_csrf" value="tok"/);
    assert.match(out, /<a class="usa-back-link" href="\/back">Back<\/a>/);
    assert.match(out, /name="applicant.birthDate.day"[^>]*autocomplete="bday-day" value="9"/);
    assert.match(out, /name="applicant.birthDate.month"[^>]*autocomplete="bday-month" value="3"/);
    assert.match(out, /name="applicant.birthDate.year"[^>]*autocomplete="bday-year" value="1980"/);
    // Month, day, year: the U.S. order.
    assert.ok(out.indexOf('birthDate.month"') < out.indexOf('birthDate.day"'));
    assert.doesNotMatch(out, /There is a problem/);
    assert.match(out, /<button type="submit" class="usa-button">Continue<\/button>/);
  });

  it('shows the error summary linking to the field, and the input as typed', async () => {
    const form = {
      'applicant.birthDate.day': '31',
      'applicant.birthDate.month': '2',
      'applicant.birthDate.year': '2001',
    };
    const { errors } = parsePageForm(birth, form);
    const out = await html(
      <FlowPageForm
        t={en}
        page={birth}
        values={{}}
        form={form}
        errors={errors}
        action="/a"
        csrfToken="t"
      />,
    );
    assert.match(out, /There is a problem/);
    assert.match(
      out,
      /<a href="#f-applicant-birthDate-month">Check your answers: Enter a real date/,
    );
    assert.match(out, /id="f-applicant-birthDate-day"/);
    assert.match(out, /<span class="usa-sr-only">Error: <\/span>Enter a real date/);
    assert.match(
      out,
      /aria-describedby="f-applicant-birthDate-hint f-birth-date-why f-applicant-birthDate-error"/,
    );
    assert.match(out, /name="applicant.birthDate.day"[^>]*value="31"/);
    assert.match(out, /aria-invalid="true"/);
  });

  it('turns autocomplete off for dates that are not a birth date', async () => {
    const out = await html(
      <FlowPageForm t={en} page={trips} values={{}} action="/a" csrfToken="t" />,
    );
    assert.match(out, /autocomplete="off"/);
    assert.doesNotMatch(out, /bday/);
  });

  it('shows one fieldset per item with remove buttons, add another, and Continue as the default button', async () => {
    const values = { trips: [{ departed: '2020-01-01', returned: '2020-01-05' }] };
    const out = await html(
      <FlowPageForm t={es} page={trips} values={values} action="/a" csrfToken="t" />,
    );
    assert.equal(out.match(/<fieldset class="usa-fieldset flow-item">/g)?.length, 1);
    assert.match(out, /name="trips.0.returned.day"[^>]*value="5"/);
    assert.match(out, /name="remove" value="0"[^>]*>Quitar<span class="usa-sr-only">/);
    assert.match(out, /name="add" value="1">Agregar otro<\/button>/);
    // The first submit button is the hidden Continue, before any Remove.
    const first = out.indexOf('<button');
    assert.equal(out.slice(first, first + 41), '<button type="submit" hidden="">Continuar');
    // At the maximum, no "add another".
    const full = await html(
      <FlowPageForm t={en} page={trips} values={{}} itemCount={2} action="/a" csrfToken="t" />,
    );
    assert.equal(full.match(/flow-item"/g)?.length, 2);
    assert.doesNotMatch(full, /name="add"/);
  });

  it('puts each error of a repeating page on its own item after blank items are dropped', async () => {
    const posted = {
      'trips.0.departed.day': '',
      'trips.0.departed.month': '',
      'trips.0.departed.year': '',
      'trips.1.departed.day': '1',
      'trips.1.departed.month': '1',
      'trips.1.departed.year': '2020',
      _csrf: 't',
    };
    const { errors } = parsePageForm(trips, posted);
    assert.deepEqual(errors, [{ path: 'trips.0.returned', code: 'required' }]);
    const state = repeatFormState(trips, posted);
    assert.equal(state.itemCount, 1);
    const out = await html(
      <FlowPageForm
        t={en}
        page={trips}
        values={{}}
        form={state.form}
        itemCount={state.itemCount}
        errors={errors}
        action="/a"
        csrfToken="t"
      />,
    );
    assert.match(out, /href="#f-trips-0-returned-month"/);
    assert.match(out, /name="trips.0.departed.year"[^>]*value="2020"/);
  });

  it('renders money with a dollar prefix, emails with their autocomplete, and choices as radios', async () => {
    const out = await html(
      <FlowPageForm
        t={en}
        page={details}
        values={{ income: 12.5, kind: 'b' }}
        action="/a"
        csrfToken="t"
      />,
    );
    assert.match(out, /<h1>Check your answers<\/h1>/);
    assert.match(out, /<span class="usa-input-prefix" aria-hidden="true">\$<\/span>/);
    assert.match(out, /name="income"[^>]*inputmode="decimal"[^>]*value="12.50"/);
    assert.match(out, /type="email"[^>]*autocomplete="email"/);
    assert.match(out, /type="radio" name="kind" value="b" checked=""/);
    assert.doesNotMatch(out, /value="a" checked/);
  });
});

describe('repeatFormState', () => {
  it('removes the chosen item, drops blank ones and renumbers', () => {
    const form = {
      'trips.0.departed.year': '2001',
      'trips.1.departed.year': '2002',
      'trips.2.departed.year': '',
      'trips.3.departed.year': '2004',
      _csrf: 'x',
    };
    assert.deepEqual(repeatFormState(trips, form, { remove: 1 }), {
      form: { 'trips.0.departed.year': '2001', 'trips.1.departed.year': '2004' },
      itemCount: 2,
    });
    assert.equal(
      repeatFormState(trips, { 'trips.0.departed.year': '1' }, { add: true }).itemCount,
      2,
    );
    // Never more than the maximum, never fewer than one.
    const two = { 'trips.0.departed.year': '2001', 'trips.5.departed.year': '2002' };
    assert.equal(repeatFormState(trips, two, { add: true }).itemCount, 2);
    assert.equal(repeatFormState(trips, {}, {}).itemCount, 1);
  });
});

describe('CheckAnswersList', () => {
  const flow: FlowDefinition = { id: 't', version: '1', pages: [birth, trips, details] };
  const answers = {
    applicant: { birthDate: '1980-03-09' },
    trips: [{ departed: '2020-01-01', returned: '2020-01-05' }],
    income: 1234.5,
    kind: 'a',
  };

  it('lists each answer with a Change link naming the question', async () => {
    const out = await html(
      <CheckAnswersList
        t={en}
        rows={checkAnswerRows(flow, answers)}
        changeHref={(key) => `/change/${key}`}
      />,
    );
    assert.match(out, /<dd class="usa-summary-list__value">March 9, 1980<\/dd>/);
    assert.match(out, /\$1,234.50/);
    assert.match(out, /<dd class="usa-summary-list__value">Yes<\/dd>/);
    assert.match(out, /<a href="\/change\/trips">Change<span class="usa-sr-only"> /);
    assert.equal(out.match(/usa-summary-list__row/g)?.length, 5);
  });

  it('formats answers in the person’s language', () => {
    assert.equal(formatAnswer(es, { value: '1980-03-09', kind: 'date' }), '9 de marzo de 1980');
    assert.equal(formatAnswer(es, { value: false, kind: 'yes-no' }), 'No');
    assert.match(formatAnswer(es, { value: 1234.5, kind: 'money' }), /1234,50|1\.234,50/);
    assert.equal(formatAnswer(en, { value: undefined, kind: 'text' }), 'Not answered');
  });
});
