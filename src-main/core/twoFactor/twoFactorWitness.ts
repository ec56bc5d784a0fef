import * as v from 'valibot';
import type { TwoFactorRecord } from '../db/twoFactorRepository';

/**
 * An account's two-factor state exactly as SQLite holds it: the two_factor row, its recovery codes
 * (salted hashes, by position) and its spent TOTP steps. Null state: two-factor authentication is
 * off (a version above 0 says it was on once and was turned off, which a restore must not undo).
 */
export interface TwoFactorState extends Omit<TwoFactorRecord, 'accountId'> {
  /** By position: the code's salted hash and when it was used. */
  readonly codes: readonly (readonly [codeHash: string, usedAt: number | null])[];
  readonly spentSteps: readonly number[];
}

/** The state with the version that counts every change to it (migration 006). */
export interface VersionedTwoFactorState {
  readonly version: number;
  readonly state: TwoFactorState | null;
}

const FORMAT = 1;
const int = v.pipe(v.number(), v.safeInteger());
const count = v.pipe(int, v.minValue(0));
const text = v.pipe(v.string(), v.maxLength(200));

/** The keychain copy is read back from outside the process: it is validated like any other input. */
const WitnessSchema = v.strictObject({
  format: v.literal(FORMAT),
  version: count,
  state: v.nullable(
    v.strictObject({
      activatedAt: int,
      lastAcceptedStep: int,
      failedAttempts: count,
      lockedUntil: v.nullable(int),
      recoverySetId: text,
      recoveryKdf: text,
      recoveryGeneratedAt: int,
      codes: v.pipe(v.array(v.strictTuple([text, v.nullable(int)])), v.maxLength(100)),
      spentSteps: v.pipe(v.array(int), v.maxLength(10_000)),
    }),
  ),
});

export function encodeWitness(witness: VersionedTwoFactorState): string {
  return JSON.stringify({ format: FORMAT, version: witness.version, state: witness.state });
}

/** The witness in `stored`, or null when it is not one this Gatehouse wrote (then the database's state is kept). */
export function decodeWitness(stored: string): VersionedTwoFactorState | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return null;
  }
  const result = v.safeParse(WitnessSchema, parsed);
  return result.success ? { version: result.output.version, state: result.output.state } : null;
}
