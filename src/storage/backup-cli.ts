import path from 'node:path';
import { loadConfig } from '../config';
import { backupDatabase, restoreDatabase } from './backup';
import { withDatabase } from './resolve-database';

/** `npm run backup [-- --out DIR]` and `npm run restore -- --from DIR [--drop]`. */
async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const option = (name: string): string | undefined => {
    const i = rest.indexOf(`--${name}`);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const config = loadConfig();
  await withDatabase(config, (line) => console.error(line), async (connection) => {
    if (command === 'backup') {
      const out = path.resolve(option('out') ?? path.join(config.paths.data, 'backups', new Date().toISOString().replace(/[:.]/g, '-')));
      const manifest = await backupDatabase(connection, out, (line) => console.error(line));
      console.log(`Backup of ${manifest.collections.length} collections written to ${out}`);
    } else if (command === 'restore') {
      const from = option('from');
      if (!from) throw new Error('usage: npm run restore -- --from DIR [--drop]');
      const total = await restoreDatabase(connection, path.resolve(from), { drop: rest.includes('--drop'), progress: (line) => console.error(line) });
      console.log(`Restored ${total} documents from ${from}`);
    } else {
      throw new Error('usage: backup [--out DIR] | restore --from DIR [--drop]');
    }
  });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
