import fs from 'node:fs';
import { loadConfig } from '../../../config';
import { createModelIndexes } from '../../../storage/connection';
import { withDatabase } from '../../../storage/resolve-database';
import { TransitionLog } from '../transitions';
import { parseInventoryCsv, InventoryFileError, INVENTORY_COLUMNS } from './csv-rows';
import { DeviceStore } from './device-store';
import { importDevices } from './inventory-import';
import { progressReporter, type ProgressOutput } from './progress';

const USAGE = `Usage: npm run inventory:import -- laptops.csv\n  Columns: ${INVENTORY_COLUMNS.join(', ')} (status may be left out: in_stock).`;

/** Where the command reads its settings and writes its output; tests pass their own. */
export interface ImportIo {
  env: NodeJS.ProcessEnv;
  out: ProgressOutput;
  err: (line: string) => void;
}

const defaultIo: ImportIo = {
  env: process.env,
  out: { isTTY: process.stdout.isTTY === true, write: (text) => void process.stdout.write(text) },
  err: (line) => console.error(line),
};

/**
 * `npm run inventory:import -- laptops.csv`: checks every row first, names the refused ones by line,
 * then imports the rest with a progress bar. An unreadable file imports nothing; re-running imports
 * only what is missing. Exit code 0 when every row was imported, 1 with refused rows, 2 for a bad file.
 */
export async function main(argv: string[], io: ImportIo = defaultIo): Promise<number> {
  const file = argv.find((a) => !a.startsWith('-'));
  if (!file) {
    io.err(USAGE);
    return 2;
  }
  let rows;
  try {
    rows = parseInventoryCsv(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    if (!(error instanceof InventoryFileError) && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    io.err(`Nothing imported: ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  rows.bad.forEach((bad) => io.err(`Line ${bad.line}: ${bad.reason}`));
  const devices = rows.devices.map((r) => r.device);
  try {
    const counts = await withDatabase(loadConfig(io.env), (line) => io.err(line), async (connection) => {
      const store = new DeviceStore(connection, new TransitionLog(connection));
      await createModelIndexes(connection);
      const progress = progressReporter(io.out, devices.length);
      const imported = await importDevices(store, devices, new Date(), (done) => progress.update(done));
      progress.finish();
      return imported;
    });
    io.out.write(`Imported ${counts.inserted} new devices; ${counts.existing} were already registered; ${rows.bad.length} rows refused.\n`);
    return rows.bad.length > 0 ? 1 : 0;
  } catch (error) {
    io.err(`The import stopped: ${error instanceof Error ? error.message : String(error)}. Run it again: devices already imported are skipped.`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
