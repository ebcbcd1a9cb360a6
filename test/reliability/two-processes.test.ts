import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { PROJECT_ROOT } from '../../src/config';
import { findFreePort } from '../../src/storage/local-server';
import { testNlu } from '../support/app';
import { testNluModelFile } from '../support/nlu-model';
import { dropTestDatabase, testDatabaseUri } from '../support/db';
import { testRenderer } from '../support/renderer';
import { WebChatClient } from '../support/webchat-client';

const CONVERSATIONS = 50;
const MESSAGES_EACH = 20;

/** Starts one production server process (the compiled app) on the shared database. */
async function startProcess(uri: string, dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, MONGODB_URI: uri, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'production', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Web chat:')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

describe('two server processes on one database (as behind a load balancer)', () => {
  const uri = testDatabaseUri('two_processes');
  const renderer = testRenderer();
  let servers: Array<{ child: ChildProcess; url: string }> = [];

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'digipunt-two-processes-'));

  beforeAll(async () => {
    execFileSync('npm', ['run', '-s', 'build'], { cwd: PROJECT_ROOT, stdio: 'ignore' });
    // Both processes load the trained model, as a restarted server does, instead of training it twice at once
    // (on a busy machine that took longer than the start-up timeout); npm-start.test.ts covers training.
    await testNlu();
    copyFileSync(testNluModelFile(), path.join(dataDir, 'nlu-model.json'));
    servers = await Promise.all([startProcess(uri, dataDir), startProcess(uri, dataDir)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map(({ child }) => new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    })));
    await dropTestDatabase(uri);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test(`${CONVERSATIONS * MESSAGES_EACH} messages over ${CONVERSATIONS} conversations, each to a random process: every one answered once, in order`, async () => {
    const t = (key: string): string => renderer.text('nl', key).split('\n')[0] as string;
    // A cycle whose every reply depends on the one before: a message handled twice or out of order breaks it.
    const cycle: Array<[string, string]> = [['3', t('faq.prompt')], ['1', t('faq.answer.hours')], ['1', t('menu.prompt')]];
    const pick = (): string => (servers[Math.floor(Math.random() * servers.length)] as { url: string }).url;
    const mismatches: string[] = [];
    await Promise.all(Array.from({ length: CONVERSATIONS }, async (_, c) => {
      const client = new WebChatClient(pick());
      await client.open();
      for (let m = 0; m < MESSAGES_EACH; m += 1) {
        const [text, expected] = cycle[m % cycle.length] as [string, string];
        client.baseUrl = pick();
        const replies = await client.send({ text, messageId: `c${c}-m${m}` });
        if (!replies.map((r) => r.text).join('\n').includes(expected)) mismatches.push(`conversation ${c}, message ${m}: ${replies[0]?.text ?? '(none)'}`);
      }
    }));
    expect(mismatches).toEqual([]);
    const connection = await mongoose.createConnection(uri).asPromise();
    const turns = await connection.collection('conversations').find({}, { projection: { state: 1 } }).toArray();
    await connection.close();
    expect(turns).toHaveLength(CONVERSATIONS);
    expect(turns.every((doc) => (doc.state as { turns: number }).turns === MESSAGES_EACH + 1)).toBe(true);
  }, 180_000);
});
