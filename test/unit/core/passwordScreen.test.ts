import { describe, expect, it, vi } from 'vitest';
import { createPasswordScreen, passwordListsLoaded, type PasswordContext } from '../../../src-main/core/security/passwordScreen';
import type { ScreenedPasswordProblem } from '../../../src-shared/passwordPolicy';

/** Counts how often the estimator (and so its lists) is built; the real class does the work. */
const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('@zxcvbn-ts/core', async (original) => {
  const real = await original<typeof import('@zxcvbn-ts/core')>();
  class CountedFactory extends real.ZxcvbnFactory {
    constructor(...args: ConstructorParameters<typeof real.ZxcvbnFactory>) {
      super(...args);
      built.count += 1;
    }
  }
  return { ...real, ZxcvbnFactory: CountedFactory };
});

const ADA: PasswordContext = { name: 'Ada Lovelace', email: 'ada.king@analytical.org' };

/** Refused, each with its reason (NIST SP 800-63B: lists, dictionary words, patterns, context). */
const REFUSED: readonly [string, ScreenedPasswordProblem][] = [
  ['password1234', 'common'],
  ['Password123!', 'common'],
  ['iloveyou1234', 'common'],
  ['qwertyuiop123', 'common'],
  ['123456789012', 'common'],
  ['p@ssw0rd12345', 'common'],
  ['aaaaaaaaaaaa', 'predictable'],
  ['abcdefghijklmno', 'predictable'],
  ['abababababab', 'predictable'],
  ['password password', 'common'],
  ['Summer2024!!!', 'common'],
  ['analytical engine', 'contains-email'],
  ['Gatehouse2024!', 'contains-app-name'],
  ['gatehouse gatehouse', 'contains-app-name'],
  ['ada.king@analytical.org', 'contains-email'],
  ['adaking123456', 'contains-email'],
  ['analytical2024', 'contains-email'],
  ['lovelace1815!', 'contains-name'],
  ['AdaLovelace12', 'contains-name'],
  ['Gatehouse-Ada-1', 'contains-app-name'],
  ['ada.king@analytical.org!!', 'contains-email'],
  ['Lovelace, Ada!!', 'contains-name'],
];

/** Accepted: passphrases and random strings, even with a context word in them. */
const ACCEPTED: readonly string[] = [
  'correct horse battery staple',
  'purple monkey dishwasher',
  'analytical engine 1843',
  'xkqzvbnmwert',
  'gatehouse keeps my forty-two secrets',
  'Ünïcödé pässwörd für 42 Tage',
  '猫が好きな青い自転車と朝',
  'x7#Kq!v9@Lm2'.repeat(85),
  `${'x7#Kq!v9@Lm2'.repeat(6)}${'a'.repeat(900)}`,
];

describe('password screening (NIST SP 800-63B)', () => {
  it('loads its lists only on first use, once per process', async () => {
    const screens = [createPasswordScreen(), createPasswordScreen()];
    expect(passwordListsLoaded()).toBe(false);
    expect(built.count).toBe(0);
    await Promise.all(screens.flatMap((screen) => [screen.screen('password1234', ADA), screen.screen('purple monkey dishwasher', ADA)]));
    expect(passwordListsLoaded()).toBe(true);
    expect(built.count).toBe(1);
  });

  const screen = createPasswordScreen();

  it.each(REFUSED)('refuses %s: %s', async (password, reason) => {
    expect(await screen.screen(password, ADA)).toBe(reason);
  });

  it.each(ACCEPTED)('accepts %s', async (password) => {
    expect(await screen.screen(password, ADA)).toBeNull();
  });

  it('judges the context: what leans on one person’s address or name may be fine for another', async () => {
    const grace: PasswordContext = { name: 'Grace Hopper', email: 'grace@navy.mil' };
    expect(await screen.screen('zqxjvwk2024!', { name: 'Ada', email: 'ada@zqxjvwk.org' })).toBe('contains-email');
    expect(await screen.screen('zqxjvwk2024!', grace)).toBeNull();
    expect(await screen.screen('WqmfrtzPvlk1999', { name: 'Wqmfrtz Pvlk', email: 'w@example.com' })).toBe('contains-name');
    expect(await screen.screen('WqmfrtzPvlk1999', grace)).toBeNull();
  });
});
