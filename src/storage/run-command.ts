import { spawn } from 'node:child_process';

/** What a finished command printed; callers parse stdout (e.g. `go mod download -json`). */
export interface CommandResult {
  stdout: string;
  stderr: string;
}

/** Where and with what environment a command runs. */
export interface RunCommandOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

const TAIL_LINES = 20;

/** Last lines of a process' output, so error messages stay readable. */
export function tailLines(text: string, count: number = TAIL_LINES): string {
  const lines = text.trimEnd().split('\n');
  return lines.slice(-count).join('\n');
}

/** The command as a person would type it, for error messages they can copy and re-run. */
export function describeCommand(command: string, args: readonly string[], cwd: string): string {
  return `(cd ${cwd} && ${[command, ...args].join(' ')})`;
}

/**
 * Runs a command to completion and rejects with an Error naming the exact command and the tail of
 * its stderr, so a failed build explains itself without digging through logs.
 */
export function runCommand(command: string, args: readonly string[], options: RunCommandOptions): Promise<CommandResult> {
  const shown = describeCommand(command, args, options.cwd);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', (error: NodeJS.ErrnoException) => {
      const hint = error.code === 'ENOENT' ? ` ('${command}' is not installed or not on PATH)` : '';
      reject(new Error(`Could not run ${shown}: ${error.message}${hint}`));
    });
    child.once('close', (code, signal) => {
      if (code === 0) {
        resolve({ stdout, stderr });
        return;
      }
      const status = signal ? `signal ${signal}` : `exit code ${String(code)}`;
      reject(new Error(`Command failed with ${status}: ${shown}\n${tailLines(stderr.trim() ? stderr : stdout)}`));
    });
  });
}
