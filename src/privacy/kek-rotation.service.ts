import type { KeyProvider } from './key-provider.ts';
import type { PersonKeysRepository } from './person-keys.repository.ts';

export interface RotationProgress {
  /** Keys rewrapped under the current KEK by this run. */
  rewrapped: number;
  /** Keys forgotten or rewrapped by someone else while this run was busy. */
  skipped: number;
  /** Keys that could not be unwrapped (their KEK is not held, or they fail to authenticate). */
  failed: number;
}

export interface RotationOptions {
  batchSize?: number;
  onBatch?: (progress: Readonly<RotationProgress>) => void;
}

/**
 * Rewraps every live data key under the provider's current KEK, in batches,
 * without touching any sealed value (the data keys themselves do not
 * change). Resumable: keys already under the current KEK are never
 * selected, so a run that was interrupted is finished by running it again.
 * Each key is replaced by a conditional update that also requires it to be
 * live and still under its old KEK, so a concurrent forget always wins.
 */
export class KekRotationService {
  constructor(
    private readonly repository: PersonKeysRepository,
    private readonly provider: KeyProvider,
  ) {}

  async rotate(options: RotationOptions = {}): Promise<RotationProgress> {
    const batchSize = options.batchSize ?? 500;
    const target = this.provider.currentKekId;
    const progress: RotationProgress = { rewrapped: 0, skipped: 0, failed: 0 };
    let after: string | undefined;
    for (;;) {
      const batch = await this.repository.listNotUnder(target, batchSize, after);
      if (batch.length === 0) break;
      for (const stored of batch) {
        if (!stored.wrappedKey) continue;
        let dataKey: Buffer;
        try {
          dataKey = await this.provider.unwrap(stored.wrappedKey, stored.kekId, stored.personId);
        } catch {
          // Counted, not thrown: one bad row must not stop the others; the
          // caller reports the count and `remaining` shows what is left.
          progress.failed++;
          continue;
        }
        try {
          const { wrapped, kekId } = await this.provider.wrap(dataKey, stored.personId);
          const replaced = await this.repository.rewrap(
            stored.personId,
            stored.kekId,
            wrapped,
            kekId,
          );
          if (replaced) progress.rewrapped++;
          else progress.skipped++;
        } finally {
          dataKey.fill(0);
        }
      }
      after = batch[batch.length - 1]?.personId;
      options.onBatch?.(progress);
    }
    return progress;
  }

  /** How many live keys are not yet under the current KEK. */
  async remaining(): Promise<number> {
    return this.repository.countNotUnder(this.provider.currentKekId);
  }
}
