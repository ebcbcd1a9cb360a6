import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { findFreePort } from '../../src/storage/local-server';
import { testNluModelFile } from '../support/nlu-model';
import { WebChatClient } from '../support/webchat-client';

/** Runs `npm start` as a newcomer would, without MONGODB_URI, and waits for the URL it prints. */
async function npmStart(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const { MONGODB_URI: _ignored, ...rest } = process.env;
  const child = spawn('npm', ['start'], { cwd: PROJECT_ROOT, env: { ...rest, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no URL within 300 s:\n${output}`)), 300_000);
    const check = (): void => {
      const match = /Web chat: (http:\/\/\S+?)\/?\s/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  return { child, url, output: () => output };
}

/** Stops the whole process group (npm, node and the database server) as a service manager would. */
async function stop(started: { child: ChildProcess; output: () => string }): Promise<void> {
  // 'close', not 'exit': npm may exit first, and node's last lines arrive until the pipes it shares close.
  const exited = new Promise<void>((resolve) => started.child.once('close', () => resolve()));
  process.kill(-(started.child.pid as number), 'SIGTERM');
  await exited;
  expect(started.output()).toContain('Stopping (SIGTERM)');
}

describe('npm start on a fresh machine', () => {
  test('starts the embedded database, prints the web chat URL, answers, and resumes after a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'digipunt-start-'));
    // The model the global setup trained (same data, same file format): training at start-up takes minutes and is
    // covered there; this test is about the database, the URL and the restart.
    fs.copyFileSync(testNluModelFile(), path.join(dataDir, 'nlu-model.json'));
    const env = { PORT: String(await findFreePort()), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };

    const first = await npmStart(env);
    expect(first.output()).toContain(`No MONGODB_URI set: starting the local database server with its data in ${dataDir}`);
    const client = new WebChatClient(first.url);
    const welcome = await client.open();
    expect(welcome.map((m) => m.text).join('\n')).toContain('computerassistent');
    const question = await client.say('3');
    expect(question.map((m) => m.text).join('\n')).toContain('Waarover gaat je vraag?');
    await stop(first);

    const second = await npmStart(env);
    client.baseUrl = second.url;
    const answer = await client.say('1');
    expect(answer.map((m) => m.text).join('\n')).toContain('Het Digipunt is open op deze momenten');
    await stop(second);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 600_000);
});
