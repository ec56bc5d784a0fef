import { initialSchema } from './001-initial';
import type { Migration } from './migration';

/** Every migration in order. Append only: a released migration never changes. */
export const MIGRATIONS: readonly Migration[] = [initialSchema];
