import type { DbCommandStats } from './db-monitor';
import type { NluBenchResult } from '../micro/nlu-bench';

/** The servers compared in one run; each runs in its own process, so its memory and CPU are its own. */
export type ServerKind = 'assistant' | 'echo' | 'echo-bot';

/** What the parent tells a server process when it starts it (argv[3] as JSON). */
export interface ServerOptions {
  /** The database of the assistant (the benchmark's one FerretDB server). */
  databaseUri?: string;
  /** Record every database command (count and time per kind); only for `--profile`, it costs time. */
  monitorDb?: boolean;
  /** Where profile-stop writes CPU profiles (--profile only). */
  profileDir?: string;
}

/** Peak RSS and CPU time of a server process over one measured window. */
export interface ProcessSample {
  peakRssBytes: number;
  cpuMs: number;
}

/** The process's memory after two forced garbage collections. */
export interface MemorySnapshot {
  heapUsedBytes: number;
  rssBytes: number;
  externalBytes: number;
}

/** Each command a server process answers over IPC, and the type of its answer. */
export interface CommandResults {
  'sample-start': null;
  'sample-stop': ProcessSample;
  memory: MemorySnapshot;
  'nlu-bench': NluBenchResult;
  'db-stats': DbCommandStats;
  'profile-start': null;
  'profile-stop': { file: string };
  stop: null;
}

/** A command name. */
export type ServerCommand = keyof CommandResults;

/** Parent to child. */
export interface CommandMessage {
  id: number;
  command: ServerCommand;
}

/** Child to parent: started (with its address), an answer, or a failure. */
export type ChildMessage =
  | { type: 'ready'; url: string }
  | { type: 'reply'; id: number; result: unknown }
  | { type: 'failed'; id?: number; message: string };

/** A running server inside its child process; extra commands are what only this kind can answer. */
export interface BenchServer {
  url: string;
  commands?: Partial<{ [C in ServerCommand]: () => Promise<CommandResults[C]> }>;
  close(): Promise<void>;
}
