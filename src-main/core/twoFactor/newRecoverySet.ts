import type { RecoveryCodeSet } from '../../../src-shared/models';
import type { CoreDependencies } from '../coreDependencies';
import type { RecoverySetHeader } from '../db/twoFactorRepository';
import { formatRecoveryCode, generateRecoveryCodes } from './recoveryCodes';

export interface NewRecoverySet {
  readonly header: RecoverySetHeader;
  /** Normal form (lower case, no dash), in display order: what the keychain entry holds. */
  readonly codes: readonly string[];
  /** Salted hashes, same order: what SQLite holds. */
  readonly hashes: readonly string[];
}

/** Generates and hashes a set before anything is written, so the writes that follow are quick. */
export async function newRecoverySet({
  recoveryKdf,
  clock,
  newId,
}: Pick<CoreDependencies, 'recoveryKdf' | 'clock' | 'newId'>): Promise<NewRecoverySet> {
  const codes = generateRecoveryCodes();
  const kdf = recoveryKdf.newSetKdf();
  const hashes = await Promise.all(codes.map((code) => recoveryKdf.hash(code, kdf)));
  return { header: { setId: newId(), kdf, generatedAt: clock.now() }, codes, hashes };
}

/** The set as the recovery codes view shows it. */
export function toRecoveryCodeSet(codes: readonly string[], usedPositions: ReadonlySet<number>, generatedAt: number): RecoveryCodeSet {
  const shown = codes.map((code, position) => ({ code: formatRecoveryCode(code), used: usedPositions.has(position) }));
  return { codes: shown, generatedAt, remaining: shown.filter((code) => !code.used).length };
}
