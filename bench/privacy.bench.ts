import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { BlindIndexer } from '../src/privacy/blind-index.ts';
import { LocalKeyProvider } from '../src/privacy/local-key-provider.ts';
import { sealedColumn } from '../src/privacy/sealed-column.ts';
import { sealedRecord } from '../src/privacy/sealed-record.ts';
import { format, machine, median, printTable } from './support/table.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const measuredMs = Number(process.env.BENCH_MS ?? 300);
const personalFields = 20;
const targetMicrosPerField = 50;

/** Operations per second of `operation`, run in batches for about `ms` milliseconds. */
function opsPerSecond(operation: () => unknown, ms = measuredMs): number {
  let done = 0;
  let batch = 16;
  const started = process.hrtime.bigint();
  const until = started + BigInt(ms) * 1_000_000n;
  let now = started;
  while (now < until) {
    for (let i = 0; i < batch; i++) operation();
    done += batch;
    batch = Math.min(batch * 2, 4096);
    now = process.hrtime.bigint();
  }
  return done / (Number(now - started) / 1e9);
}

async function asyncOpsPerSecond(operation: () => Promise<unknown>, ms = measuredMs) {
  let done = 0;
  const started = process.hrtime.bigint();
  const until = started + BigInt(ms) * 1_000_000n;
  let now = started;
  while (now < until) {
    for (let i = 0; i < 256; i++) await operation();
    done += 256;
    now = process.hrtime.bigint();
  }
  return done / (Number(now - started) / 1e9);
}

// The bare baselines: node:crypto with a fixed key, nothing else.
const fixedKey = randomBytes(32);
function rawEncrypt(plaintext: Buffer, aad?: Buffer): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', fixedKey, nonce);
  if (aad) cipher.setAAD(aad);
  return Buffer.concat([nonce, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}
function rawDecrypt(sealed: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', fixedKey, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([
    decipher.update(sealed.subarray(12, sealed.length - 16)),
    decipher.final(),
  ]);
}
function rawHmac(value: string): string {
  return createHmac('sha256', fixedKey).update(value, 'utf8').digest('hex');
}

/** A JSON record of exactly 1 KB (1,024 bytes as JSON), the size of a household's answers. */
function kilobyteRecord(): Record<string, string> {
  const record: Record<string, string> = {};
  for (let i = 0; JSON.stringify(record).length < 960; i++) {
    record[`answer_${i}`] = `value ${i} ${'x'.repeat(20)}`;
  }
  const padding = 1024 - JSON.stringify({ ...record, pad: '' }).length;
  record.pad = 'p'.repeat(padding);
  return record;
}

interface Pair {
  operation: string;
  baseline: string;
  /** ops/s of the baseline, then of Belong's operation, one per round. */
  runs: { bare: number[]; belong: number[] };
  /** Personal fields per operation, to report the cost per field. */
  fields?: number;
}

/**
 * Belong's privacy primitives against bare node:crypto in the same process:
 * seal + open of a 1 KB JSON record, one blind index, one data-key unwrap,
 * and a submission of 20 personal fields (seal each, index 3). Each pair is
 * measured alternately for `rounds` rounds after a warm-up; medians.
 */
export async function privacyBenchmark(): Promise<string> {
  const key = randomBytes(32);
  const recordId = randomUUID();
  const record = kilobyteRecord();
  const recordBytes = Buffer.from(JSON.stringify(record), 'utf8');
  const answers = sealedColumn<Record<string, string>>({ table: 'people', column: 'answers' });
  const indexer = new BlindIndexer(randomBytes(32));
  const provider = new LocalKeyProvider(randomBytes(32));
  const wrapped = await provider.wrap(randomBytes(32), recordId);

  type Fields = Record<`field_${number}`, string>;
  const fields: Fields = {};
  for (let i = 0; i < personalFields; i++) fields[`field_${i}`] = `Personal value number ${i}`;
  const people = sealedRecord<Fields>(
    'people',
    Object.fromEntries(Object.keys(fields).map((name) => [name, {}])) as never,
  );
  const fieldBytes = Object.values(fields).map((value) => Buffer.from(JSON.stringify(value)));
  const submit = () => {
    const sealed = people.seal(fields, key, recordId);
    return [
      sealed,
      indexer.index('people.family_name', 'name', 'José García-López'),
      indexer.index('people.birth_date', 'date', '1987-03-14'),
      indexer.index('people.phone', 'phone', '(206) 555-0100'),
    ];
  };
  const rawSubmit = () => [
    fieldBytes.map((bytes) => rawEncrypt(bytes)),
    rawHmac('jose garcia lopez'),
    rawHmac('1987-03-14'),
    rawHmac('+12065550100'),
  ];

  // Every operation must work before it is timed.
  const check = answers.open(answers.seal(record, key, recordId), key, recordId);
  if (JSON.stringify(check) !== JSON.stringify(record)) throw new Error('seal/open broken');
  if (!rawDecrypt(rawEncrypt(recordBytes)).equals(recordBytes)) throw new Error('baseline broken');

  const sync: [string, string, () => unknown, () => unknown, number?][] = [
    [
      'seal + open, 1 KB JSON record',
      'node:crypto AES-256-GCM encrypt + decrypt, same 1 KB',
      () => answers.open(answers.seal(record, key, recordId), key, recordId),
      () => rawDecrypt(rawEncrypt(recordBytes)),
    ],
    [
      'blind index (normalise + HKDF subkey + HMAC, truncated)',
      'node:crypto HMAC-SHA-256, fixed key',
      () => indexer.index('people.family_name', 'name', 'José García-López'),
      () => rawHmac('José García-López'),
    ],
    [
      `submission: seal ${personalFields} fields + 3 blind indexes`,
      `node:crypto: encrypt ${personalFields} fields + 3 HMACs`,
      submit,
      rawSubmit,
      personalFields,
    ],
  ];
  const pairs: Pair[] = [];
  for (const [operation, baseline, belong, bare, perFields] of sync) {
    opsPerSecond(bare, 100);
    opsPerSecond(belong, 100);
    const runs = { bare: [] as number[], belong: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      runs.bare.push(opsPerSecond(bare));
      runs.belong.push(opsPerSecond(belong));
    }
    pairs.push({ operation, baseline, runs, ...(perFields ? { fields: perFields } : {}) });
  }
  {
    // The provider's unwrap is async (a KMS would be a network call); the
    // baseline is the same AES-256-GCM decrypt of 32 bytes, awaited the same way.
    const rawWrapped = rawEncrypt(randomBytes(32));
    const belong = () => provider.unwrap(wrapped.wrapped, wrapped.kekId, recordId);
    const bare = async () => rawDecrypt(rawWrapped);
    await asyncOpsPerSecond(bare, 100);
    await asyncOpsPerSecond(belong, 100);
    const runs = { bare: [] as number[], belong: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      runs.bare.push(await asyncOpsPerSecond(bare));
      runs.belong.push(await asyncOpsPerSecond(belong));
    }
    pairs.splice(2, 0, {
      operation: 'data-key unwrap (LocalKeyProvider)',
      baseline: 'node:crypto AES-256-GCM decrypt of 32 bytes, awaited',
      runs,
    });
  }

  console.log(
    `\nPrivacy primitives, ${rounds} rounds × ${measuredMs} ms each, medians (${machine()})\n`,
  );
  const rows: (string | number)[][] = [];
  let submissionMicrosPerField = Number.NaN;
  for (const pair of pairs) {
    const bare = median(pair.runs.bare);
    const belong = median(pair.runs.belong);
    const perField = (ops: number) => (pair.fields ? format(1e6 / ops / pair.fields, 2) : '');
    rows.push([
      `bare: ${pair.baseline}`,
      format(bare),
      format(1e6 / bare, 2),
      perField(bare),
      '1.00',
    ]);
    rows.push([
      `Belong: ${pair.operation}`,
      format(belong),
      format(1e6 / belong, 2),
      perField(belong),
      (belong / bare).toFixed(2),
    ]);
    if (pair.fields) submissionMicrosPerField = 1e6 / belong / pair.fields;
  }
  const table = printTable(['operation', 'ops/s', 'µs/op', 'µs/field', 'vs bare'], rows);
  const met = submissionMicrosPerField < targetMicrosPerField;
  console.log(
    `\nGoals: < ${targetMicrosPerField} µs per personal field of a ${personalFields}-field submission — ${met ? 'met' : 'not met'} (${format(submissionMicrosPerField, 2)} µs).`,
  );
  return table;
}
