import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkTotp, newTotpSecret, readTotpCode, timeStep, totpCodeAt, totpUri } from './totp.ts';

// RFC 6238 Appendix B: the SHA-1 seed "12345678901234567890", in base32.
const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const at = (seconds: number) => new Date(seconds * 1000);

describe('TOTP (RFC 6238)', () => {
  it('gives the RFC 6238 test vectors (the last six digits of the eight given)', () => {
    assert.equal(totpCodeAt(rfcSecret, at(59)), '287082');
    assert.equal(totpCodeAt(rfcSecret, at(1_111_111_109)), '081804');
    assert.equal(totpCodeAt(rfcSecret, at(1_234_567_890)), '005924');
    assert.equal(totpCodeAt(rfcSecret, at(2_000_000_000)), '279037');
  });

  it('accepts the current step and one either side, and no further', () => {
    const now = at(1_234_567_890);
    const step = timeStep(now);
    for (const delta of [-1, 0, 1]) {
      const code = totpCodeAt(rfcSecret, at((step + delta) * 30));
      assert.deepEqual(checkTotp(rfcSecret, code, now, null), { ok: true, step: step + delta });
    }
    for (const delta of [-2, 2]) {
      const code = totpCodeAt(rfcSecret, at((step + delta) * 30));
      assert.deepEqual(checkTotp(rfcSecret, code, now, null), { ok: false, reason: 'wrong' });
    }
  });

  it('refuses a code of a step already used, even inside its window', () => {
    const now = at(1_234_567_890);
    const step = timeStep(now);
    const code = totpCodeAt(rfcSecret, now);
    assert.deepEqual(checkTotp(rfcSecret, code, now, step), { ok: false, reason: 'replayed' });
    const earlier = totpCodeAt(rfcSecret, at((step - 1) * 30));
    assert.deepEqual(checkTotp(rfcSecret, earlier, now, step - 1), {
      ok: false,
      reason: 'replayed',
    });
    const next = totpCodeAt(rfcSecret, at((step + 1) * 30));
    assert.deepEqual(checkTotp(rfcSecret, next, now, step), { ok: true, step: step + 1 });
  });

  it('reads a code typed with a space or a dash, and refuses anything else', () => {
    assert.equal(readTotpCode(' 287 082 '), '287082');
    assert.equal(readTotpCode('287-082'), '287082');
    for (const typed of ['', '28708', '2870822', 'abcdef', '２８７０８２']) {
      assert.equal(readTotpCode(typed), undefined, typed);
      assert.deepEqual(checkTotp(rfcSecret, typed, at(59), null), { ok: false, reason: 'wrong' });
    }
  });

  it('makes 160-bit secrets and an otpauth:// address apps read', () => {
    const secret = newTotpSecret();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.notEqual(newTotpSecret(), secret);
    const uri = new URL(totpUri(secret, 'ana@example.org'));
    assert.equal(uri.protocol, 'otpauth:');
    assert.equal(uri.searchParams.get('secret'), secret);
    assert.equal(uri.searchParams.get('issuer'), 'Belong');
    assert.equal(uri.searchParams.get('digits'), '6');
    assert.equal(uri.searchParams.get('period'), '30');
    assert.equal(uri.searchParams.get('algorithm'), 'SHA1');
  });
});
