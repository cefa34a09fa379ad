import { lineLocalTest } from '../lineChunks';

/**
 * Passwords written into SQL: `CREATE USER app IDENTIFIED BY 's3cret'` (MySQL, Oracle), `CREATE USER app WITH
 * PASSWORD 's3cret'` and `ALTER ROLE … PASSWORD '…'` (PostgreSQL). They are named secrets wherever the SQL is
 * kept: a `.sql` migration, a shell script, a string in code.
 */
export interface SqlPassword {
  /** What names the password in the statement, for the message. */
  name: string;
  value: string;
  start: number;
  end: number;
}

// The quoted value is captured without its quotes; `''` inside it (an escaped quote) ends nothing early
// because a password with one is rare enough to be left to the end of the match.
const SQL_PASSWORDS = [
  // Only in a statement that makes or grants to a user (`CREATE USER`, `ALTER USER`, MySQL 5's `GRANT … TO …
  // IDENTIFIED BY`): prose says "a queue identified by "name"" too.
  { name: 'IDENTIFIED BY', pattern: /\b(?:(?:CREATE|ALTER)\s+(?:USER|ROLE|LOGIN)|GRANT)\b[^;]{0,300}?\bIDENTIFIED\s+(?:WITH\s+\w+\s+)?BY\s+(['"])([^'"\n]{1,256})\1/gi },
  { name: 'CREATE USER … PASSWORD', pattern: /\b(?:CREATE|ALTER)\s+(?:USER|ROLE)\b[^;'"]{0,200}?\bPASSWORD\s+(['"])([^'"\n]{1,256})\1/gi },
];

/** The cheap test made before the patterns run. */
export const SQL_CANDIDATE = /\bIDENTIFIED\s|\bPASSWORD\s+['"]/i;
/**
 * The same test per run of lines (`FileContext.lineLocal`, kept across keystrokes); `PASSWORD` and its spaces at
 * the end of a run pass too (the quote may open on the next line), so it is never narrower than `SQL_CANDIDATE`.
 */
export const SQL_CANDIDATE_LINES = lineLocalTest(/\bIDENTIFIED\s|\bPASSWORD\s+(?:['"]|(?![\s\S]))/i);

/** `candidate`: the cheap test, when the caller keeps it across versions (`SQL_CANDIDATE_LINES`). */
export function findSqlPasswords(text: string, candidate = (): boolean => SQL_CANDIDATE.test(text)): SqlPassword[] {
  if (!candidate()) return [];
  const found: SqlPassword[] = [];
  for (const { name, pattern } of SQL_PASSWORDS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const start = m.index + m[0].length - 1 - m[2].length;
      found.push({ name, value: m[2], start, end: start + m[2].length });
    }
  }
  return found;
}
