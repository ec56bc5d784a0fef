import type { MatchExtended, ZxcvbnFactory } from '@zxcvbn-ts/core';
import { APP_NAME, type ScreenedPasswordProblem } from '../../../src-shared/passwordPolicy';

/**
 * NIST SP 800-63B screening of a new password, offline: refused when it is guessable from a list of
 * commonly used and leaked passwords (@zxcvbn-ts's common list: breach corpora and diceware words),
 * predictable patterns (repeats, sequences, keyboard rows, dates) or the words of its context (the
 * app's name, the person's name and email address). The English word lists are left out: they
 * tripled the load (about 0.5 s of CPU and 27 MB of heap more) for little the breach list lacks.
 * zxcvbn estimates
 * how many guesses an attacker who knows all of that needs; below GUESSES_FLOOR the password is
 * refused, and so is one made mostly of context words. The reason comes from what it contains.
 * Runs on create and change, never on sign-in: a password people already have keeps working.
 */
export interface PasswordScreen {
  /** Null when the password may be used; otherwise why not. Loads the lists on first use. */
  screen(password: string, context: PasswordContext): Promise<ScreenedPasswordProblem | null>;
}

export interface PasswordContext {
  readonly name: string;
  readonly email: string;
}

/**
 * 10^9 guesses: about a year of one core against a stolen database at scrypt N=2^17. zxcvbn's own
 * "safely unguessable" is 10^8, but it counts every extra piece of a password as 10^4 guesses, so
 * any three pieces reach 10^8 ("password password", "Summer2024!!!"); one order more refuses those.
 * Below lie the common lists, words with digits appended, and patterns; a three-word passphrase
 * or 12 random characters are far above.
 */
export const GUESSES_FLOOR = 1e9;

/**
 * zxcvbn's cost grows steeply with length (its l33t and repeat matching), and it runs on the main
 * process's event loop: a longer password is judged by its first 64 characters, which is where
 * a guessable one is guessable.
 */
const SCREENED_LENGTH = 64;
/** zxcvbn's default (100) tries so many l33t readings that a 70-digit password takes a second. */
const L33T_READINGS = 10;

/** Context words shorter than this say little and would match inside unrelated words. */
const MIN_CONTEXT_WORD = 3;

type ContextKind = 'contains-email' | 'contains-name' | 'contains-app-name';

/** The context words zxcvbn treats as a dictionary of their own, each with the reason it stands for. */
function contextWords({ name, email }: PasswordContext): Map<string, ContextKind> {
  const words = new Map<string, ContextKind>();
  const add = (word: string, kind: ContextKind) => {
    const key = word.normalize('NFKC').toLowerCase();
    if ([...key].length >= MIN_CONTEXT_WORD && !words.has(key)) words.set(key, kind);
  };
  add(APP_NAME, 'contains-app-name');
  const at = email.lastIndexOf('@');
  const [local, domain] = [email.slice(0, at), email.slice(at + 1)];
  for (const word of [email, local, ...local.split(/[._+\-']+/u), ...domain.split('.').slice(0, -1)]) add(word, 'contains-email');
  for (const word of [name, name.replace(/\s+/gu, ''), ...name.split(/[\s.'\-]+/u)]) add(word, 'contains-name');
  return words;
}

async function loadEstimator(): Promise<ZxcvbnFactory> {
  const [{ ZxcvbnFactory }, common] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]);
  return new ZxcvbnFactory({
    dictionary: common.dictionary,
    graphs: common.adjacencyGraphs,
    maxLength: SCREENED_LENGTH,
    l33tMaxSubstitutions: L33T_READINGS,
  });
}

/** One estimator per process, built on first use: the lists cost start-up nothing and memory only once needed. */
let estimator: Promise<ZxcvbnFactory> | null = null;

/** Whether this process has loaded the lists yet (for tests and the bench: start-up must not). */
export const passwordListsLoaded = (): boolean => estimator !== null;

/** The context words a password contains, longest first ("adalovelace" before "ada"). */
function containedWords(lowerPassword: string, words: ReadonlyMap<string, ContextKind>): string[] {
  return [...words.keys()].filter((word) => lowerPassword.includes(word)).sort((a, b) => b.length - a.length);
}

/**
 * Whether context words make up half of the password or more. zxcvbn counts every extra piece of
 * a password as 10^4 guesses, so "Gatehouse-Ada-1" would pass on its estimate alone.
 */
function mostlyContext(lowerPassword: string, contained: readonly string[]): boolean {
  const covered = new Array<boolean>(lowerPassword.length).fill(false);
  for (const word of contained) {
    for (let at = lowerPassword.indexOf(word); at !== -1; at = lowerPassword.indexOf(word, at + 1))
      covered.fill(true, at, at + word.length);
  }
  return 2 * covered.filter(Boolean).length >= lowerPassword.length;
}

/** The reason for a refusal: a context word it contains first (the most useful thing to hear), then a listed word, then a pattern. */
function reasonFor(
  contained: readonly string[],
  sequence: readonly MatchExtended[],
  words: ReadonlyMap<string, ContextKind>,
): ScreenedPasswordProblem {
  if (contained.length > 0) return words.get(contained[0]!)!;
  return sequence.some((match) => match.pattern === 'dictionary') ? 'common' : 'predictable';
}

export function createPasswordScreen(): PasswordScreen {
  return {
    async screen(password, context) {
      estimator ??= loadEstimator().catch((error: unknown) => {
        estimator = null; // a failed load is retried next time, not cached
        throw error;
      });
      const words = contextWords(context);
      const normalized = password.normalize('NFKC');
      const lower = normalized.toLowerCase();
      const contained = containedWords(lower, words);
      const result = (await estimator).check(normalized, [...words.keys()]);
      if (result.guesses >= GUESSES_FLOOR && !mostlyContext(lower, contained)) return null;
      return reasonFor(contained, result.sequence, words);
    },
  };
}
