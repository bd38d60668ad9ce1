import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkNewPassword, loadCommonPasswords } from './password-policy.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

const email = { email: 'maria.navigator@example.org' };

describe('staff password rules (NIST SP 800-63B §5.1.1.2)', () => {
  it('needs at least 8 characters, counted as code points', async () => {
    assert.deepEqual(await checkNewPassword('7 chars', email), ['too-short']);
    assert.deepEqual(await checkNewPassword('tjm qrzx', email), []);
    // Four emoji are eight UTF-16 units but four characters.
    assert.deepEqual(await checkNewPassword('🌲🌲🌲🌲', email), ['too-short']);
  });

  it('accepts up to 128 characters and refuses more, never truncating', async () => {
    assert.deepEqual(await checkNewPassword('x7'.repeat(64), email), []);
    assert.deepEqual(await checkNewPassword(`${'x7'.repeat(64)}q`, email), ['too-long']);
  });

  it('imposes no composition rules: spaces, any script, all lower case', async () => {
    for (const password of ['tomates verdes fritos', 'мой пароль здесь', 'ጤና ይስጥልኝ ወዳጄ']) {
      assert.deepEqual(await checkNewPassword(password, email), [], password);
    }
  });

  it('refuses common and breached passwords whatever their case', async () => {
    for (const password of ['password', 'Password1', 'iloveyou1', 'QWERTYUIOP', 'trustno1']) {
      assert.ok((await checkNewPassword(password, email)).includes('common'), password);
    }
    const list = await loadCommonPasswords();
    assert.ok(list.size > 10_000, `${list.size} passwords on the list`);
    for (const entry of list) assert.ok([...entry].length >= 8, entry);
  });

  it('refuses the email, its local part and the name of the service', async () => {
    assert.deepEqual(await checkNewPassword('my maria.navigator pass', email), ['contains-email']);
    assert.deepEqual(await checkNewPassword('x MARIA.NAVIGATOR@EXAMPLE.ORG', email), [
      'contains-email',
    ]);
    assert.deepEqual(await checkNewPassword('i Belong here now', email), ['contains-service-name']);
  });

  it('hashes a password in its NFKC form, so the same password typed two ways verifies', async () => {
    const composed = 'caf\u00e9 con leche';
    const decomposed = 'cafe\u0301 con leche';
    const hash = await hashPassword(composed);
    assert.match(hash, /^\$argon2id\$/);
    assert.equal(await verifyPassword(hash, decomposed), true);
    assert.equal(await verifyPassword(hash, 'cafe con leche'), false);
  });
});
