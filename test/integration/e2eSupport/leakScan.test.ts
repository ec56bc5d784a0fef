/** The e2e leak scanner (test/e2e/support/leakScan.ts) proves itself: planted needles are found, and reported by kind only. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScureBase32Plugin } from 'otplib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildNeedles, type JourneySecrets } from '../../e2e/support/leakNeedles';
import { dataDirPlaces, describeLeaks, rendererErrorPlaces, scanForLeaks, textPlace } from '../../e2e/support/leakScan';

const secrets: JourneySecrets = {
  totpSecret: new ScureBase32Plugin().encode(
    Uint8Array.from({ length: 20 }, (_, i) => 7 * i + 3),
    { padding: false },
  ),
  otpauthUri: 'otpauth://totp/Gatehouse:planted%40example.com?secret=PLANTED&issuer=Gatehouse',
  recoveryCodes: ['av6tr-4acfd', 'k7m2q-9xwpz'],
  passwords: ['planted password 1'],
};
const needles = buildNeedles(secrets);

describe('leak scanner', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gatehouse-leakscan-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('knows every form: base32 (spaced or not, both cases), raw bytes, hex, base64, codes with and without dash, the URI encoded', () => {
    const kinds = needles.map((needle) => needle.kind);
    expect(kinds).toContain('TOTP secret (raw bytes)');
    for (const encoding of ['UTF-8', 'UTF-16LE']) {
      for (const form of [
        'TOTP secret (base32, upper case)',
        'TOTP secret (base32 in blocks of four, lower case)',
        'TOTP secret (raw bytes as hex, upper case)',
        'TOTP secret (raw bytes as base64)',
        'recovery code #2 (no dash, upper case)',
        'password #1',
        'otpauth URI (percent-encoded as a URI component)',
      ]) {
        expect(kinds).toContain(`${form}, ${encoding}`);
      }
    }
    expect(needles.find((n) => n.kind === 'TOTP secret (raw bytes)')!.bytes).toHaveLength(20);
  });

  it('finds each planted needle in its own file, in every encoding, and none in the excluded folder or a clean file', async () => {
    await mkdir(join(dir, 'nested'));
    await mkdir(join(dir, 'downloads'));
    await Promise.all(
      needles.map((needle, i) =>
        writeFile(join(dir, 'nested', `planted-${i}.bin`), Buffer.concat([Buffer.from('\0filler\u00ff'), needle.bytes, Buffer.alloc(9)])),
      ),
    );
    await writeFile(join(dir, 'downloads', 'codes.txt'), Buffer.concat(needles.map((needle) => needle.bytes)));
    await writeFile(join(dir, 'clean.db'), Buffer.from('SQLite format 3\0 alice@example.com', 'utf8'));

    const places = await dataDirPlaces(dir, [join(dir, 'downloads')]);
    const { hits, scans } = scanForLeaks(places, needles);

    expect(places.map((place) => place.name).sort()).toEqual(
      ['data dir: clean.db', ...needles.map((_, i) => `data dir: nested/planted-${i}.bin`)].sort(),
    );
    expect(scans).toBe(places.length * needles.length);
    needles.forEach((needle, i) => expect(hits).toContainEqual({ place: `data dir: nested/planted-${i}.bin`, needle: needle.kind }));
    expect(hits.filter((hit) => hit.place === 'data dir: clean.db')).toEqual([]);
  });

  it('finds needles in the output and in any field of a renderer error, and the report never holds a secret', () => {
    const places = [
      textPlace('app output', `[stderr] oops ${secrets.passwords[0]} went to the log`),
      ...rendererErrorPlaces([
        { via: 'alert', text: 'Incorrect email or password.' },
        { via: 'reply', error: { code: 'INVALID_INPUT', message: 'x', fields: { code: 'AV6TR4ACFD' } } },
      ]),
    ];
    const { hits } = scanForLeaks(places, needles);

    expect(hits).toEqual([
      { place: 'app output', needle: 'password #1, UTF-8' },
      { place: 'renderer error #2 (reply INVALID_INPUT)', needle: 'recovery code #1 (no dash, upper case), UTF-8' },
    ]);
    const report = describeLeaks(hits).toLowerCase();
    for (const value of [secrets.totpSecret, secrets.otpauthUri, ...secrets.recoveryCodes, ...secrets.passwords]) {
      expect(report).not.toContain(value.toLowerCase());
    }
  });

  it('refuses an empty secret, which would match everywhere', () => {
    expect(() => buildNeedles({ ...secrets, passwords: [''] })).toThrow(/empty/);
  });
});
