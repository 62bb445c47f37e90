/**
 * The dyad aggregations as portable SQL statements (standard CASE, SUM, CAST, ROUND, EXTRACT,
 * GROUP BY on repeated expressions, ROW_NUMBER() OVER, no engine-specific functions), so every
 * EventStore engine runs the same queries. Events without a state on both sides, or with the same
 * state on both, are left out, and by default so are worlds' curated events (only file-imported
 * rows have a line).
 *
 * Sums are exact, so the result is the same bytes whatever order a parallel engine adds rows in:
 * Goldstein values are multiples of 0.1 (every value of the CAMEO lookups, and of curated events),
 * and weights are integers, so the statements sum integer tenths, `CAST(ROUND(10·g) AS BIGINT) · w`,
 * and the store divides once at the end. ROUND only sees values within rounding error of an
 * integer, so engines that break ties differently (ClickHouse rounds floats half to even) agree.
 */
import type { DyadQuery } from './event-store.js';

/** Goldstein values are summed in units of 1/GOLDSTEIN_SCALE (tenths). */
export const GOLDSTEIN_SCALE = 10;

const WEIGHT: Record<DyadQuery['weighting'], string> = {
  events: '1',
  mentions: 'COALESCE(mentions, 1)',
  root: 'COALESCE(root, 1)',
};
const TENTHS = `CAST(ROUND(goldstein * ${GOLDSTEIN_SCALE}) AS BIGINT)`;

type Bind = (v: string) => string;

/** The dyad and period expressions and the filter shared by the statements. */
function dyadCells(q: Omit<DyadQuery, 'weighting'>, bind: Bind) {
  const a = q.directed ? 'source' : 'CASE WHEN source < target THEN source ELSE target END';
  const b = q.directed ? 'target' : 'CASE WHEN source < target THEN target ELSE source END';
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
  const columns = `${a} AS a, ${b} AS b, ${period[0]} AS y${period[1] ? `, ${period[1]} AS m` : ''}`;
  return { columns, groups: [a, b, ...period].join(', '), where: clauses.join(' AND ') };
}

function binder() {
  const params: string[] = [];
  const bind = (v: string) => {
    params.push(v);
    return `$${params.length}`;
  };
  return { params, bind };
}

/**
 * Builds the aggregation and its parameters. `n` and the quad counts are weighted counts, `gsum`,
 * `coop` and `conflict` weighted Goldstein sums in tenths.
 *
 * @example
 * dyadSql({ by: 'month', directed: false, weighting: 'events', actors: ['RUS', 'PAK'] });
 */
export function dyadSql(q: DyadQuery): { sql: string; params: string[] } {
  const { params, bind } = binder();
  const cells = dyadCells(q, bind);
  const w = WEIGHT[q.weighting];
  const quad = (name: string) => `SUM(CASE WHEN quad = '${name}' THEN ${w} ELSE 0 END)`;
  const sql = `SELECT ${cells.columns},
      SUM(${w}) AS n, SUM(${w} * ${TENTHS}) AS gsum,
      SUM(CASE WHEN goldstein > 0 THEN ${w} * ${TENTHS} ELSE 0 END) AS coop,
      SUM(CASE WHEN goldstein < 0 THEN ${w} * ${TENTHS} ELSE 0 END) AS conflict,
      ${quad('verbal-cooperation')} AS q1, ${quad('material-cooperation')} AS q2,
      ${quad('verbal-conflict')} AS q3, ${quad('material-conflict')} AS q4
    FROM events WHERE ${cells.where}
    GROUP BY ${cells.groups} HAVING SUM(${w}) > 0 ORDER BY ${cells.groups}`;
  return { sql, params };
}

/**
 * The events behind the dyad-periods, per origin (file): `dyadOriginsSql` counts them per cell
 * (dyad, period, origin), `dyadEvidenceSql` lists the first `perCell` of each cell by date and id,
 * ordered by cell, so a reader can stream the rows and cut them into cells as they come.
 *
 * @example
 * dyadEvidenceSql({ by: 'month', directed: false, imported: true }, 200);
 */
export function dyadEvidenceSql(
  q: Omit<DyadQuery, 'weighting'>,
  perCell: number,
): { sql: string; params: string[] } {
  const { params, bind } = binder();
  const cells = dyadCells(q, bind);
  const keys = q.by === 'year' ? 'a, b, y' : 'a, b, y, m';
  const sql = `SELECT ${keys}, origin, id, line, evidence FROM (
      SELECT ${cells.columns}, origin, id, line, evidence,
        ROW_NUMBER() OVER (PARTITION BY ${cells.groups}, origin ORDER BY date, id) AS k
      FROM events WHERE ${cells.where}) AS listed
    WHERE k <= ${Math.max(0, Math.floor(perCell))} ORDER BY ${keys}, origin, k`;
  return { sql, params };
}

/**
 * The per-month series of every undirected dyad the `where` clause keeps (no weighting): `events`,
 * `gsum` in tenths, so the store's mean is the exact sum over the count, and the cooperative and
 * conflictual event counts.
 *
 * @example
 * dyadMonthsSql('WHERE origin = $1');
 */
export function dyadMonthsSql(where: string): string {
  const a = 'CASE WHEN source < target THEN source ELSE target END';
  const b = 'CASE WHEN source < target THEN target ELSE source END';
  const groups = `${a}, ${b}, EXTRACT(YEAR FROM date), EXTRACT(MONTH FROM date)`;
  return `SELECT ${a} AS a, ${b} AS b, EXTRACT(YEAR FROM date) AS y, EXTRACT(MONTH FROM date) AS m,
      COUNT(*) AS events, SUM(${TENTHS}) AS gsum,
      SUM(CASE WHEN goldstein > 0 THEN 1 ELSE 0 END) AS cooperative,
      SUM(CASE WHEN goldstein < 0 THEN 1 ELSE 0 END) AS conflictual
    FROM events ${where} GROUP BY ${groups} ORDER BY ${groups}`;
}

/** See `dyadEvidenceSql`. */
export function dyadOriginsSql(q: Omit<DyadQuery, 'weighting'>): { sql: string; params: string[] } {
  const { params, bind } = binder();
  const cells = dyadCells(q, bind);
  const sql = `SELECT ${cells.columns}, origin, COUNT(*) AS n FROM events WHERE ${cells.where}
    GROUP BY ${cells.groups}, origin ORDER BY ${cells.groups}, origin`;
  return { sql, params };
}
