import Database from 'better-sqlite3';

export interface QueryPlan {
  readonly sql: string;
  readonly plan: readonly string[];
  /** Some step reads a whole table or index ("SCAN …") instead of searching it. */
  readonly scans: boolean;
}

/**
 * Records the SQL of every statement prepared from now on, in this process: the core prepares
 * all of its statements when the backend is composed, so this sees exactly the app's queries.
 */
export function recordPreparedSql(): { readonly statements: ReadonlySet<string>; stop(): void } {
  const statements = new Set<string>();
  const prototype = Database.prototype as { prepare: (this: Database.Database, sql: string) => Database.Statement };
  const original = prototype.prepare;
  prototype.prepare = function prepare(this: Database.Database, sql: string) {
    statements.add(sql.replace(/\s+/g, ' ').trim());
    return original.call(this, sql);
  };
  return { statements, stop: () => void (prototype.prepare = original) };
}

/** Placeholder values for a statement's parameters: EXPLAIN needs them bound, not meaningful. */
function placeholders(sql: string): unknown[] {
  const named = [...sql.matchAll(/[@:$]([A-Za-z_]\w*)/g)].map((match) => match[1]!);
  if (named.length > 0) return [Object.fromEntries(named.map((name) => [name, null]))];
  return Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null);
}

/** EXPLAIN QUERY PLAN of each statement that reads (SELECT, UPDATE, DELETE), on the database file. */
export function explainQueries(databaseFile: string, statements: Iterable<string>): QueryPlan[] {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return [...statements]
      .filter((sql) => /^(SELECT|UPDATE|DELETE|WITH)\b/i.test(sql))
      .map((sql) => {
        const plan = db
          .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
          .all(...placeholders(sql))
          .map((row) => row.detail);
        return { sql, plan, scans: plan.some((step) => /^SCAN /.test(step)) };
      });
  } finally {
    db.close();
  }
}
