/**
 * Child process for the kill-mid-import tests: imports one file and says so after every batch;
 * a third argument `reader` keeps the import off the store's fast path.
 */
import { importEventFiles } from '../../src/evidence/import-event-files.js';
import { openDuckDbStore } from '../../src/evidence/store/duckdb-store.js';

const [db, file, path] = process.argv.slice(2);
const store = await openDuckDbStore(db!);
await importEventFiles(store, [file!], {
  batch: 1000,
  fastPath: path !== 'reader',
  onProgress: (_f, rows) => process.stdout.write(`read ${rows}\n`),
});
store.close();
process.stdout.write('done\n');
