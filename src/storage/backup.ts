import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import mongoose, { type Connection } from 'mongoose';

const { EJSON } = mongoose.mongo.BSON;

/** What a backup holds: per collection, its documents and its index definitions. */
export interface BackupManifest {
  createdAt: string;
  database: string;
  collections: Array<{ name: string; documents: number; indexes: Array<{ key: Record<string, number>; unique?: boolean; name?: string }> }>;
}

/** Writes every collection as canonical Extended JSON lines (types kept: dates, ids) plus a manifest. */
export async function backupDatabase(connection: Connection, dir: string, progress: (line: string) => void = () => undefined): Promise<BackupManifest> {
  const db = connection.db;
  if (!db) throw new Error('not connected');
  await mkdir(dir, { recursive: true });
  const manifest: BackupManifest = { createdAt: new Date().toISOString(), database: db.databaseName, collections: [] };
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((n) => !n.startsWith('system.')).sort();
  for (const name of names) {
    const out = createWriteStream(path.join(dir, `${name}.jsonl`), 'utf8');
    let documents = 0;
    for await (const doc of db.collection(name).find({})) {
      if (!out.write(`${EJSON.stringify(doc, { relaxed: false })}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      documents += 1;
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    const indexes = (await db.collection(name).indexes()).filter((i) => i.name !== '_id_').map((i) => ({ key: i.key as Record<string, number>, unique: i.unique, name: i.name }));
    manifest.collections.push({ name, documents, indexes });
    progress(`${name}: ${documents} documents`);
  }
  await writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Restores a backup into an empty database (or after dropping the collections it holds, with `drop`). */
export async function restoreDatabase(connection: Connection, dir: string, options: { drop?: boolean; progress?: (line: string) => void } = {}): Promise<number> {
  const db = connection.db;
  if (!db) throw new Error('not connected');
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
  const files = new Set(await readdir(dir));
  let total = 0;
  for (const collection of manifest.collections) {
    if (!files.has(`${collection.name}.jsonl`)) throw new Error(`backup is missing ${collection.name}.jsonl`);
    // Created even when empty (a leases collection between turns), so the restore has every collection.
    if (!(await db.listCollections({ name: collection.name }, { nameOnly: true }).hasNext())) await db.createCollection(collection.name);
    const target = db.collection(collection.name);
    if (options.drop) await target.deleteMany({});
    else if ((await target.estimatedDocumentCount()) > 0) throw new Error(`collection ${collection.name} is not empty: restore into an empty database, or pass --drop`);
    for (const index of collection.indexes) await target.createIndex(index.key, { ...(index.unique ? { unique: true } : {}), ...(index.name ? { name: index.name } : {}) });
    let batch: Array<Record<string, unknown>> = [];
    const lines = createInterface({ input: createReadStream(path.join(dir, `${collection.name}.jsonl`), 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      batch.push(EJSON.parse(line, { relaxed: false }) as Record<string, unknown>);
      if (batch.length === 500) {
        await target.insertMany(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await target.insertMany(batch);
    total += collection.documents;
    options.progress?.(`${collection.name}: ${collection.documents} documents restored`);
  }
  return total;
}
