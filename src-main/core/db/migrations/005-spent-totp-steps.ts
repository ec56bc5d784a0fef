import type { Migration } from './migration';

/**
 * Time steps a code was refused for although it matched them (the clock-drift hint names them), or
 * that an accepted code also matched. Such a step is never accepted later, so a hint cannot be
 * turned into a way in by waiting for the step to come round. Steps at or before
 * two_factor.last_accepted_step are already refused by it and are pruned.
 */
export const spentTotpSteps: Migration = {
  version: 5,
  name: 'spent TOTP time steps',
  up(db) {
    db.exec(`
      CREATE TABLE totp_spent_steps (
        account_id TEXT NOT NULL REFERENCES two_factor(account_id) ON DELETE CASCADE,
        step INTEGER NOT NULL,
        PRIMARY KEY (account_id, step)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
