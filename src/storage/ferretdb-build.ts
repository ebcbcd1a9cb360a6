import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, chmod, cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { runCommand } from './run-command';

/** The FerretDB release we build; its SQLite backend is our local MongoDB-compatible server. */
export const FERRETDB_VERSION = 'v1.24.2';

const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';

/** A one-line change to FerretDB's source; the build refuses to go on when the line is not there. */
interface SourcePatch {
  file: string;
  before: string;
  after: string;
  /** How many times `before` occurs (all are replaced). */
  occurrences: number;
}

const SQLITE_DIR = path.join('internal', 'backends', 'sqlite');

/**
 * Our source patches, named in the binary's path so a patched build is never confused with a plain one.
 * 1. FerretDB 1.24's SQLite backend filters `_id` with `_ferretdb_sjson->'$._id'` but creates the `_id`
 *    index on `_ferretdb_sjson->"_id"`; SQLite uses an expression index only for the identical
 *    expression, so every lookup by `_id` scanned the whole table (findById on 10,000 documents:
 *    116 ms; 1.2 ms once the expressions match).
 * 2. It pushes an `_id` equality down to SQLite only when it is the filter's only field, so
 *    `{_id, revision}` (the state save) decoded every document in Go (1,350 ms on 10,000). The
 *    handlers filter every row again with the whole filter, so narrowing by `_id` whenever the filter
 *    has a top-level `_id` string is exact; the same change in `Explain` keeps it truthful.
 */
const PATCH_TAG = 'idpush2';
const PATCHES: readonly SourcePatch[] = [
  { file: path.join(SQLITE_DIR, 'metadata', 'metadata.go'), before: `IDColumn = DefaultColumn + "->'$._id'"`, after: 'IDColumn = DefaultColumn + `->"_id"`', occurrences: 1 },
  { file: path.join(SQLITE_DIR, 'collection.go'), before: 'if params.Filter.Len() == 1 {\n\t\tv, _ := params.Filter.Get("_id")', after: 'if params.Filter.Len() >= 1 {\n\t\tv, _ := params.Filter.Get("_id")', occurrences: 2 },
];

/**
 * Where the FerretDB binary lives: $FERRETDB_BIN, else a per-user cache outside the repository so
 * every clone on the machine reuses one build.
 */
export function ferretDbBinaryPath(): string {
  const fromEnv = process.env.FERRETDB_BIN;
  if (fromEnv) return path.resolve(fromEnv);
  return path.join(homedir(), '.cache', 'digipunt-aalst', `ferretdb-${FERRETDB_VERSION}-${PATCH_TAG}`, 'ferretdb');
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Returns the FerretDB binary path, building it once when it is absent. */
export async function ensureFerretDb(log: (line: string) => void): Promise<string> {
  const binary = ferretDbBinaryPath();
  if (await isExecutable(binary)) return binary;
  log(`Building the local database server (FerretDB ${FERRETDB_VERSION}) once; this takes about two minutes...`);
  const started = Date.now();
  try {
    await buildFerretDb(binary);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Building FerretDB ${FERRETDB_VERSION} into ${binary} failed (it needs Go 1.24 or newer on PATH and ` +
        `access to the Go module proxy; or set FERRETDB_BIN to an existing binary, or MONGODB_URI to a server).\n${reason}`,
    );
  }
  log(`Built ${binary} in ${Math.round((Date.now() - started) / 1000)} s.`);
  return binary;
}

/**
 * Builds FerretDB into `target`. The module's build/version/version.txt is empty in the module
 * cache (the binary then panics at start), so we build from a writable copy with the version filled
 * in. The binary is written to a temp name and renamed, so concurrent builders never see half a file.
 */
export async function buildFerretDb(target: string): Promise<void> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'digipunt-ferretdb-build-'));
  try {
    const moduleDir = await downloadModule(workDir);
    const sourceDir = path.join(workDir, 'src');
    await cp(moduleDir, sourceDir, { recursive: true });
    await makeWritable(sourceDir);
    await writeFile(path.join(sourceDir, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    for (const patch of PATCHES) await applyPatch(sourceDir, patch);
    await mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      const env = { ...process.env, CGO_ENABLED: '0' };
      await runCommand('go', ['build', '-buildvcs=false', '-o', partial, './cmd/ferretdb'], { cwd: sourceDir, env });
      await rename(partial, target);
    } finally {
      await rm(partial, { force: true });
    }
  } finally {
    await makeWritable(workDir).catch(() => undefined);
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Applies one source patch; refuses to build if the source no longer reads as the patch expects. */
async function applyPatch(sourceDir: string, patch: SourcePatch): Promise<void> {
  const file = path.join(sourceDir, patch.file);
  const source = await readFile(file, 'utf8');
  const found = source.split(patch.before).length - 1;
  if (found !== patch.occurrences) throw new Error(`${patch.file} has ${found} of ${JSON.stringify(patch.before)}, expected ${patch.occurrences}: review the patch`);
  await writeFile(file, source.split(patch.before).join(patch.after));
}

/** Downloads the FerretDB module into the Go module cache and returns its (read-only) directory. */
async function downloadModule(cwd: string): Promise<string> {
  const args = ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`];
  const env = { ...process.env, GOWORK: 'off' };
  const { stdout } = await runCommand('go', args, { cwd, env });
  const parsed: unknown = JSON.parse(stdout);
  const dir = typeof parsed === 'object' && parsed !== null && 'Dir' in parsed ? parsed.Dir : undefined;
  if (typeof dir !== 'string' || dir === '') {
    throw new Error(`go ${args.join(' ')} printed no module directory:\n${stdout}`);
  }
  return dir;
}

/** The module cache is read-only; the copy must be writable to edit it and to delete it later. */
async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await makeWritable(full);
    else if (entry.isFile()) await chmod(full, 0o644);
  }
}
