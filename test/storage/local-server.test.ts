import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose, { Schema } from 'mongoose';
import {
  ensureFerretDb,
  launchLocalServer,
  LocalServer,
  portAcceptsConnections,
} from '../../src/storage/local-server';
import { uniqueDatabaseName, withDatabaseName } from '../support/db';

const quiet = (): void => undefined;

function duplicateKeyCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

describe('local FerretDB server', () => {
  let dataDir: string;
  let server: LocalServer;
  let connection: mongoose.Connection;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'digipunt-local-server-test-'));
    const binary = await ensureFerretDb(quiet);
    server = await launchLocalServer(binary, { dataDir, log: quiet });
    connection = await mongoose.createConnection(withDatabaseName(server.uri, uniqueDatabaseName('local_server'))).asPromise();
  }, 300_000);

  afterAll(async () => {
    await connection?.close();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes and reads a document through mongoose', async () => {
    const Note = connection.model('Note', new Schema({ text: String }));
    const created = await Note.create({ text: 'hallo Aalst' });
    const found = await Note.findById(created._id).lean();
    expect(found?.text).toBe('hallo Aalst');
  });

  it('rejects a duplicate on a unique index with code 11000', async () => {
    const Person = connection.model('Person', new Schema({ email: { type: String, unique: true } }));
    await Person.createIndexes();
    await Person.create({ email: 'a@example.be' });
    await expect(Person.create({ email: 'a@example.be' })).rejects.toMatchObject({ code: 11000 });
  });

  it('fails a guarded upsert on an existing _id with code 11000 (the lease pattern)', async () => {
    const Lease = connection.model('Lease', new Schema({ _id: String, owner: String, until: Date }));
    const now = new Date();
    const later = new Date(now.getTime() + 60_000);
    await Lease.create({ _id: 'conversation-1', owner: 'worker-a', until: later });
    const steal = Lease.findOneAndUpdate(
      { _id: 'conversation-1', until: { $lt: now } },
      { $set: { owner: 'worker-b', until: later } },
      { upsert: true, new: true },
    );
    const error: unknown = await steal.then(() => undefined, (e: unknown) => e);
    expect(duplicateKeyCode(error)).toBe(11000);
    expect((await Lease.findById('conversation-1').lean())?.owner).toBe('worker-a');
  });

  it('takes over an expired lease with the same guarded upsert', async () => {
    const Lease = connection.model('ExpiredLease', new Schema({ _id: String, owner: String, until: Date }));
    const now = new Date();
    await Lease.create({ _id: 'conversation-2', owner: 'worker-a', until: new Date(now.getTime() - 1000) });
    const taken = await Lease.findOneAndUpdate(
      { _id: 'conversation-2', until: { $lt: now } },
      { $set: { owner: 'worker-b', until: new Date(now.getTime() + 60_000) } },
      { upsert: true, new: true },
    ).lean();
    expect(taken?.owner).toBe('worker-b');
  });

  it('closes its port after stop()', async () => {
    await connection.close();
    await server.stop();
    expect(await portAcceptsConnections(server.port)).toBe(false);
    await server.stop(); // a second stop is harmless
  });
});

describe('launching a broken server binary', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'digipunt-broken-binary-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('explains that a non-executable binary cannot run', async () => {
    const binary = path.join(dir, 'not-executable');
    await writeFile(binary, 'not a program');
    const launch = launchLocalServer(binary, { dataDir: path.join(dir, 'data'), log: quiet });
    await expect(launch).rejects.toThrow(/did not start.*could not run .*not-executable.*EACCES/s);
  });

  it('includes the last output of a server that exits at start', async () => {
    const binary = path.join(dir, 'exits');
    await writeFile(binary, '#!/bin/sh\necho "fatal: sqlite directory unusable" >&2\nexit 3\n');
    await chmod(binary, 0o755);
    const launch = launchLocalServer(binary, { dataDir: path.join(dir, 'data'), log: quiet });
    await expect(launch).rejects.toThrow(/exit code 3.*fatal: sqlite directory unusable/s);
  });
});
