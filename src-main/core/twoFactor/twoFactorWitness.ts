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

/**
 * What the witness becomes when the account is deleted, kept for good: a restored backup that still
 * holds the account must not bring it back (reconcileSecrets deletes it again).
 */
export interface AccountTombstone {
  readonly deletedAt: number;
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
const TombstoneSchema = v.strictObject({ format: v.literal(FORMAT), deletedAt: int });

export function encodeWitness(witness: VersionedTwoFactorState): string {
  return JSON.stringify({ format: FORMAT, version: witness.version, state: witness.state });
}

export function encodeTombstone(tombstone: AccountTombstone): string {
  return JSON.stringify({ format: FORMAT, deletedAt: tombstone.deletedAt });
}

export const isTombstone = (witness: VersionedTwoFactorState | AccountTombstone): witness is AccountTombstone => 'deletedAt' in witness;

/** The witness or tombstone in `stored`, or null when it is not one this Gatehouse wrote (then the database's state is kept). */
export function decodeWitness(stored: string): VersionedTwoFactorState | AccountTombstone | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return null;
  }
  const result = v.safeParse(WitnessSchema, parsed);
  if (result.success) return { version: result.output.version, state: result.output.state };
  const tombstone = v.safeParse(TombstoneSchema, parsed);
  return tombstone.success ? { deletedAt: tombstone.output.deletedAt } : null;
}
