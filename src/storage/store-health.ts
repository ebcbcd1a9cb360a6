import type { Connection } from 'mongoose';
import type { HealthCheck } from '../core/ports';

/** /readyz asks the database itself, so a broken connection shows even before a turn fails. */
export class MongoHealthCheck implements HealthCheck {
  constructor(private readonly connection: Connection, private readonly timeoutMs = 1000) {}

  async ping(): Promise<boolean> {
    const db = this.connection.db;
    if (!db || this.connection.readyState !== 1) return false;
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), this.timeoutMs).unref());
    const ping = db.command({ ping: 1 }).then(() => true, () => false);
    return Promise.race([ping, timeout]);
  }
}
