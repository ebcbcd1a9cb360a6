import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { backupDatabase, restoreDatabase } from '../../src/storage/backup';
import { createStoreConnection } from '../../src/storage/connection';
import { startTestApp } from '../support/app';
import { dropTestDatabase, testDatabaseUri } from '../support/db';
import { WebChatClient } from '../support/webchat-client';

const { EJSON } = mongoose.mongo.BSON;

async function dump(connection: mongoose.Connection): Promise<Record<string, string[]>> {
  const db = connection.db as NonNullable<mongoose.Connection['db']>;
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
  const result: Record<string, string[]> = {};
  for (const name of names) result[name] = (await db.collection(name).find({}).sort({ _id: 1 }).toArray()).map((d) => EJSON.stringify(d, { relaxed: false }));
  return result;
}

describe('backup and restore', () => {
  test('a populated database round-trips: every collection, document and type, and the unique indexes', async () => {
    const server = await startTestApp({ prefix: 'backup_src' });
    for (let i = 0; i < 3; i += 1) {
      const client = new WebChatClient(server.url);
      await client.open(i === 0 ? 'ar' : 'nl');
      await client.say('3');
      await client.say('1');
    }
    const source = await dump(server.app.connection);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'digipunt-backup-'));
    const manifest = await backupDatabase(server.app.connection, dir);
    expect(manifest.collections.find((c) => c.name === 'conversations')?.documents).toBe(3);

    const targetUri = testDatabaseUri('backup_dst');
    const target = createStoreConnection(targetUri);
    await target.asPromise();
    const restored = await restoreDatabase(target, dir);
    expect(restored).toBe(Object.values(source).reduce((n, docs) => n + docs.length, 0));
    expect(await dump(target)).toEqual(source);
    await expect(restoreDatabase(target, dir)).rejects.toThrow(/not empty/);
    await expect(target.collection('inbox').insertOne(EJSON.parse(source.inbox?.[0] as string, { relaxed: false }) as Record<string, unknown>)).rejects.toMatchObject({ code: 11000 });
    expect(await restoreDatabase(target, dir, { drop: true })).toBe(restored);

    await target.close();
    await dropTestDatabase(targetUri);
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
