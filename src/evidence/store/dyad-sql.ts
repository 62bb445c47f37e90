/**
 * The dyad aggregation as one portable SQL statement (standard CASE, SUM, EXTRACT, GROUP BY on
 * repeated expressions, no engine-specific functions), so every EventStore engine runs the same
 * query. Events without a state on both sides, or with the same state on both, are left out, and
 * by default so are worlds' curated events (only file-imported rows have a line).
 */
import type { DyadQuery } from './event-store.js';

const WEIGHT: Record<DyadQuery['weighting'], string> = {
  events: '1',
  mentions: 'COALESCE(mentions, 1)',
  root: 'COALESCE(root, 1)',
};

/**
 * Builds the statement and its parameters.
 *
 * @example
 * dyadSql({ by: 'month', directed: false, weighting: 'events', actors: ['RUS', 'PAK'] });
 */
export function dyadSql(q: DyadQuery): { sql: string; params: string[] } {
  const params: string[] = [];
  const bind = (v: string) => {
    params.push(v);
    return `$${params.length}`;
  };
  const a = q.directed ? 'source' : 'CASE WHEN source < target THEN source ELSE target END';
  const b = q.directed ? 'target' : 'CASE WHEN source < target THEN target ELSE source END';
  const w = WEIGHT[q.weighting];
  const clauses = ["source <> ''", "target <> ''", 'source <> target'];
  if (q.imported) clauses.push('line IS NOT NULL');
  if (q.actors && q.actors.length > 0) {
    const list = q.actors.map(bind).join(', ');
    const again = q.actors.map(bind).join(', ');
    clauses.push(`source IN (${list})`, `target IN (${again})`);
  }
  if (q.from) clauses.push(`date >= CAST(${bind(q.from)} AS DATE)`);
  if (q.to) clauses.push(`date <= CAST(${bind(q.to)} AS DATE)`);
  const period =
    q.by === 'year' ? ['EXTRACT(YEAR FROM date)'] : ['EXTRACT(YEAR FROM date)', 'EXTRACT(MONTH FROM date)'];
  const quad = (name: string) => `SUM(CASE WHEN quad = '${name}' THEN ${w} ELSE 0 END)`;
  const groups = [a, b, ...period].join(', ');
  const sql = `SELECT ${a} AS a, ${b} AS b, ${period[0]} AS y${period[1] ? `, ${period[1]} AS m` : ''},
      SUM(${w}) AS n, SUM(${w} * goldstein) AS gsum,
      SUM(CASE WHEN goldstein > 0 THEN ${w} * goldstein ELSE 0 END) AS coop,
      SUM(CASE WHEN goldstein < 0 THEN ${w} * goldstein ELSE 0 END) AS conflict,
      ${quad('verbal-cooperation')} AS q1, ${quad('material-cooperation')} AS q2,
      ${quad('verbal-conflict')} AS q3, ${quad('material-conflict')} AS q4
    FROM events WHERE ${clauses.join(' AND ')}
    GROUP BY ${groups} HAVING SUM(${w}) > 0 ORDER BY ${groups}`;
  return { sql, params };
}
