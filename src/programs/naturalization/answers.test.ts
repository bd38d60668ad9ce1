import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { answersSchema, readAnswers } from './answers.ts';

const isoDate = fc
  .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/**
 * Answers built from well-formed values only, or (`wrong`) with every kind of
 * wrong value and unknown key mixed in now and then.
 */
function answersArbitrary(wrong: boolean) {
  const sometimes = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>) =>
    wrong ? fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: bad }) : good;
  const date = sometimes(
    isoDate,
    fc.constantFrom<unknown>('2023-02-29', '2024-13-01', '2024-1-01', '', 20240101, null, true, {}),
  );
  const flag = sometimes(fc.boolean(), fc.constantFrom<unknown>('yes', 1, null));
  const object = (fields: Record<string, fc.Arbitrary<unknown>>) =>
    fc
      .tuple(
        fc.record(fields, { requiredKeys: [] }),
        wrong
          ? fc.option(fc.constantFrom('shoeSize', 'constructor'), { freq: 12 })
          : fc.constant(null),
      )
      .map(([value, extra]) => (extra === null ? value : { ...value, [extra]: 1 }));
  const trip = object({ departed: date, returned: date, n470Approved: flag }).map((value) =>
    wrong ? value : { departed: '2015-01-01', returned: '2015-02-01', ...value },
  );
  return object({
    filingDate: date,
    birthDate: date,
    lprDate: date,
    stateResidenceSince: date,
    trips: sometimes(fc.array(trip, { maxLength: 4 }), fc.constantFrom<unknown>(null, 'none', {})),
    spouse: sometimes(
      fc.option(
        object({
          isCitizen: flag,
          citizenSince: fc.oneof(date, fc.constant(null)),
          marriedSince: date,
          livingTogether: flag,
        }),
      ),
      fc.constantFrom<unknown>(true, []),
    ),
    military: sometimes(
      fc.oneof(
        fc.boolean(),
        fc.constant(null),
        object({
          honorablyServed: flag,
          serviceStart: date,
          serviceEnd: fc.oneof(date, fc.constant(null)),
          duringHostilities: flag,
        }),
      ),
      fc.constantFrom<unknown>('army', 7, []),
    ),
    children: sometimes(
      fc.array(object({ birthDate: date, isLpr: flag, livesWithApplicant: flag }), {
        maxLength: 3,
      }),
      fc.constantFrom<unknown>(null, {}),
    ),
  });
}

/** The same answers compare equal whether a key holds undefined or is absent. */
const normalise = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('naturalization answers', () => {
  it('reads every well-formed answer, exactly as the schema does', () => {
    fc.assert(
      fc.property(answersArbitrary(false), (raw) => {
        const parsed = answersSchema.safeParse(raw);
        assert.ok(parsed.success);
        assert.deepEqual(normalise(readAnswers(raw)), normalise(parsed.data));
      }),
      { numRuns: 2000 },
    );
  });

  it('never reads what the schema refuses, and leaves it to the schema', () => {
    let refused = 0;
    fc.assert(
      fc.property(answersArbitrary(true), (raw) => {
        const fast = readAnswers(raw);
        const parsed = answersSchema.safeParse(raw);
        if (!parsed.success) refused++;
        if (fast === undefined) return;
        assert.ok(parsed.success, `read what the schema refuses: ${JSON.stringify(raw)}`);
        assert.deepEqual(normalise(fast), normalise(parsed.data));
      }),
      { numRuns: 4000 },
    );
    assert.ok(refused > 500, `only ${refused} malformed answers were tried`);
  });

  it('reads the contract example without the schema', () => {
    const raw = {
      birthDate: '1980-01-01',
      lprDate: '2013-07-04',
      stateResidenceSince: '2010-01-01',
      trips: [{ departed: '2015-01-01', returned: '2015-02-01', n470Approved: false }],
      spouse: {
        isCitizen: true,
        citizenSince: null,
        marriedSince: '2010-01-01',
        livingTogether: true,
      },
      military: { honorablyServed: true, serviceStart: '2012-01-01', serviceEnd: null },
      children: [{ birthDate: '2012-01-01', isLpr: true, livesWithApplicant: true }],
    };
    assert.deepEqual(normalise(readAnswers(raw)), normalise(answersSchema.parse(raw)));
    assert.equal(readAnswers({ ...raw, military: true })?.military, true);
  });

  it('leaves anything but a plain object to the schema', () => {
    for (const raw of [null, [], 'x', new Date(), Object.create({ birthDate: '1980-01-01' })]) {
      assert.equal(readAnswers(raw), undefined);
    }
  });
});
