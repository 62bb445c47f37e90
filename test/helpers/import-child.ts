/** Child process for the kill-mid-import test: imports one file and says so after every batch. */
import { importEventFiles } from '../../src/evidence/import-event-files.js';
import { openDuckDbStore } from '../../src/evidence/store/duckdb-store.js';

const [db, file] = process.argv.slice(2);
const store = await openDuckDbStore(db!);
await importEventFiles(store, [file!], {
  batch: 1000,
  onProgress: (_f, rows) => process.stdout.write(`read ${rows}\n`),
});
store.close();
process.stdout.write('done\n');
