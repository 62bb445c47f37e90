/** Raw DuckDB floor of bench/events.ts: read_csv on the GDELT 2.0 file + GROUP BY, no validation. */
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2]!.replaceAll("'", "''");
const db = await DuckDBInstance.create(':memory:');
const conn = await db.connect();
await conn.run("SET memory_limit = '256MB'");
const reader = await conn.runAndReadAll(
  `SELECT least(column07, column17) AS a, greatest(column07, column17) AS b, column01 // 100 AS month,
          count(*) AS n, sum(column30) AS g
   FROM read_csv('${file}', delim = '\t', header = false, quote = '', escape = '', all_varchar = false,
                 columns = {${Array.from({ length: 61 }, (_, i) => `'column${String(i).padStart(2, '0')}': '${[1].includes(i) ? 'BIGINT' : i === 30 ? 'DOUBLE' : 'VARCHAR'}'`).join(', ')}})
   WHERE column07 IS NOT NULL AND column17 IS NOT NULL AND column07 <> column17
   GROUP BY 1, 2, 3`,
);
console.log(reader.currentRowCount);
