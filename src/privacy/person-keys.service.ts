import { randomBytes } from 'node:crypto';
import { AppError } from '../errors.ts';
import { KeyCache } from './key-cache.ts';
import type { KeyProvider } from './key-provider.ts';
import type { PersonKeysRepository } from './person-keys.repository.ts';

const dataKeyLength = 32;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PersonKeysOptions {
  /** Unwrapped keys kept in memory; 0 (the default) keeps none. */
  cacheSize?: number;
  /** How long a cached key may be used before it is unwrapped again. */
  cacheMaxAgeMs?: number;
}

/**
 * Each person's random 256-bit data key: created once, stored only wrapped
 * by the KEK, unwrapped on demand, destroyed to forget the person.
 * Unwrapped keys are never written anywhere; at most they sit in a short,
 * bounded in-memory cache.
 */
export class PersonKeysService {
  private readonly cache: KeyCache;

  constructor(
    private readonly repository: PersonKeysRepository,
    private readonly provider: KeyProvider,
    options: PersonKeysOptions = {},
  ) {
    this.cache = new KeyCache(options.cacheSize ?? 0, options.cacheMaxAgeMs ?? 5_000);
  }

  /**
   * Creates the person's data key and returns it. Fails with
   * BLG_PERSON_KEY_EXISTS if the person has or had one: a forgotten person's
   * id is never given a fresh key, so nothing sealed before could be mixed
   * with what is sealed after.
   */
  async create(id: string): Promise<Buffer> {
    const personId = normalisePersonId(id);
    const dataKey = randomBytes(dataKeyLength);
    const { wrapped, kekId } = await this.provider.wrap(dataKey, personId);
    if (!(await this.repository.insert(personId, wrapped, kekId))) {
      throw new AppError('BLG_PERSON_KEY_EXISTS');
    }
    this.cache.set(personId, dataKey);
    return dataKey;
  }

  /**
   * The person's unwrapped data key. Fails with BLG_PERSON_KEY_NOT_FOUND or,
   * once the person is forgotten, BLG_PERSON_KEY_DESTROYED.
   */
  async get(id: string): Promise<Buffer> {
    const personId = normalisePersonId(id);
    const cached = this.cache.get(personId);
    if (cached) return cached;
    const stored = await this.repository.find(personId);
    if (!stored) throw new AppError('BLG_PERSON_KEY_NOT_FOUND');
    if (stored.destroyedAt || !stored.wrappedKey) throw new AppError('BLG_PERSON_KEY_DESTROYED');
    const dataKey = await this.provider.unwrap(stored.wrappedKey, stored.kekId, personId);
    this.cache.set(personId, dataKey);
    return dataKey;
  }

  /**
   * Forgets the person: the wrapped key is overwritten with NULL, so every
   * value sealed under it becomes unreadable wherever it is copied. True
   * when a live key was destroyed; false when it was already destroyed.
   * BLG_PERSON_KEY_NOT_FOUND when the person never had a key.
   */
  async destroy(id: string): Promise<boolean> {
    const personId = normalisePersonId(id);
    this.cache.delete(personId);
    if (await this.repository.destroy(personId)) return true;
    if (!(await this.repository.find(personId))) throw new AppError('BLG_PERSON_KEY_NOT_FOUND');
    return false;
  }
}

// The id is bound into the wrapping, so it must be spelled one way (the
// lower case PostgreSQL returns). A malformed one is a programming error,
// reported without echoing it.
export function normalisePersonId(personId: string): string {
  if (!uuidPattern.test(personId)) throw new TypeError('A person id must be a uuid');
  return personId.toLowerCase();
}
