/**
 * What Belong needs from whoever holds the key-encryption key (KEK): wrap a
 * fresh data key, and unwrap one it wrapped before. The KEK itself never
 * leaves the provider, so a cloud KMS can stand in for the local one.
 */
export interface KeyProvider {
  /**
   * The id of the KEK new data keys are wrapped under. Stored beside every
   * wrapped key; it names the key without revealing anything about it.
   */
  readonly currentKekId: string;

  /** Wraps `dataKey` under the current KEK, bound to `dataKeyId`. */
  wrap(dataKey: Uint8Array, dataKeyId: string): Promise<WrappedKey>;

  /**
   * Unwraps a key wrapped under `kekId` for `dataKeyId`. Fails with
   * BLG_KEK_UNKNOWN when the provider does not hold that KEK, and with
   * BLG_DATA_KEY_UNWRAP_FAILED when the wrapped bytes do not authenticate.
   */
  unwrap(wrapped: Uint8Array, kekId: string, dataKeyId: string): Promise<Buffer>;
}

export interface WrappedKey {
  kekId: string;
  wrapped: Buffer;
}
