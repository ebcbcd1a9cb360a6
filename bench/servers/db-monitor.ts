import type { Connection } from 'mongoose';

/** One kind of database command ("insert conversations") with how often it ran and how long it took. */
export interface DbCommandKind {
  name: string;
  count: number;
  totalMs: number;
}

/** Every database command since the last read, for "round trips per turn" in the profile. */
export interface DbCommandStats {
  commands: DbCommandKind[];
  totalCount: number;
  totalMs: number;
}

interface StartedEvent { requestId: number; commandName: string; command: Record<string, unknown> }
interface EndedEvent { requestId: number; duration: number }

/**
 * Counts the driver's commands by name and collection, with their server round-trip time, so the
 * profile can say how many round trips a turn makes and what they cost. Needs the client created with
 * monitorCommands (the benchmark adds it to the URI in --profile mode only).
 */
export class DbMonitor {
  private readonly pending = new Map<number, string>();
  private kinds = new Map<string, DbCommandKind>();

  constructor(connection: Connection) {
    const client = connection.getClient();
    client.on('commandStarted', (event: StartedEvent) => {
      const target = event.command[event.commandName];
      this.pending.set(event.requestId, `${event.commandName} ${typeof target === 'string' ? target : ''}`.trim());
    });
    const ended = (event: EndedEvent): void => {
      const name = this.pending.get(event.requestId) ?? 'unknown';
      this.pending.delete(event.requestId);
      const kind = this.kinds.get(name) ?? { name, count: 0, totalMs: 0 };
      kind.count += 1;
      kind.totalMs += event.duration;
      this.kinds.set(name, kind);
    };
    client.on('commandSucceeded', ended);
    client.on('commandFailed', ended);
  }

  /** The commands since the previous call, most time first; starts a new count. */
  async takeStats(): Promise<DbCommandStats> {
    const commands = [...this.kinds.values()].sort((a, b) => b.totalMs - a.totalMs);
    this.kinds = new Map();
    return {
      commands,
      totalCount: commands.reduce((sum, c) => sum + c.count, 0),
      totalMs: commands.reduce((sum, c) => sum + c.totalMs, 0),
    };
  }
}
