import { LOAN_APPLICATION } from '../../bench/load/scripts';
import { CaseStore } from '../../src/domain/handoff/case-store';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { testDatabaseUri } from '../support/db';
import { WebChatClient } from '../support/webchat-client';

/** One query the app sent, reduced to what decides its plan. */
interface QueryShape {
  collection: string;
  filter: Record<string, unknown>;
  sort?: Record<string, unknown>;
}

interface CommandStartedEvent { commandName: string; command: Record<string, unknown> }

const asRecord = (value: unknown): Record<string, unknown> | undefined => {
  if (value instanceof Map) return Object.fromEntries(value) as Record<string, unknown>;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
};

/** The filters of reads, updates and deletes in a driver command (inserts have none). */
function shapesOf({ commandName, command }: CommandStartedEvent): QueryShape[] {
  const collection = command[commandName];
  if (typeof collection !== 'string') return [];
  const shape = (filter: unknown, sort?: unknown): QueryShape[] => {
    const f = asRecord(filter);
    return f && Object.keys(f).length > 0 ? [{ collection, filter: f, sort: asRecord(sort) }] : [];
  };
  if (commandName === 'find') return shape(command.filter, command.sort);
  if (commandName === 'findAndModify') return shape(command.query, command.sort);
  if (commandName === 'update') return (command.updates as Array<{ q: unknown }>).flatMap((u) => shape(u.q));
  if (commandName === 'delete') return (command.deletes as Array<{ q: unknown }>).flatMap((d) => shape(d.q));
  if (commandName === 'aggregate') return shape(asRecord((command.pipeline as unknown[])[0])?.$match);
  return [];
}

const keyOf = (s: QueryShape): string => `${s.collection} ${Object.keys(s.filter).sort().join(',')} sort ${Object.keys(s.sort ?? {}).join(',')}`;
const byId = (s: QueryShape): boolean => typeof s.filter._id === 'string';

/**
 * Issue 9: the queries of a resident's turn use an index. The test watches every command of real
 * conversations (the benchmark's loan application, and a handoff with the staff queue) and explains
 * each distinct query on the server. FerretDB on SQLite can use an index only for `_id` (our build
 * pushes any top-level `_id` equality down); there every turn-path query must be by `_id` or be
 * covered by a declared index that MongoDB uses. On MongoDB (MONGODB_URI) every query must use one.
 */
describe('query plans of the turn path and the staff queue', () => {
  let server: TestApp;
  const shapes = new Map<string, QueryShape>();
  /** What plain turns asked: the loan application's, and a message relayed to staff (not the turn that opens the case). */
  const turnShapes: QueryShape[] = [];
  let recordTurns = true;

  beforeAll(async () => {
    const uri = testDatabaseUri('plans');
    server = await startTestApp({ uri: `${uri}${uri.includes('?') ? '&' : '?'}monitorCommands=true` });
    server.app.connection.getClient().on('commandStarted', (event: CommandStartedEvent) => {
      for (const shape of shapesOf(event)) {
        shapes.set(keyOf(shape), shape);
        if (recordTurns) turnShapes.push(shape);
      }
    });
    const resident = new WebChatClient(server.url);
    await resident.open();
    for (const turn of LOAN_APPLICATION.turns) await resident.post(turn.send);
    const asker = new WebChatClient(server.url);
    await asker.open();
    recordTurns = false;
    await asker.post({ text: 'ik wil met een medewerker spreken' });
    recordTurns = true;
    await asker.post({ text: 'mijn laptop start niet meer op' });
    recordTurns = false;
    // The staff queue and a case page, as the dashboard and the staff API read them.
    const cases = new CaseStore(server.app.connection);
    const [waiting] = await cases.list(['waiting', 'assigned']);
    if (!waiting) throw new Error('the handoff opened no case');
    await Promise.all([cases.get(waiting._id), cases.messages(waiting._id), cases.notesOf(waiting.residentKey), cases.history(waiting._id)]);
  }, 120_000);

  afterAll(() => server.close());

  const explain = async (s: QueryShape): Promise<Record<string, unknown>> =>
    server.app.connection.db!.command({ explain: { find: s.collection, filter: s.filter, ...(s.sort ? { sort: s.sort } : {}) }, verbosity: 'queryPlanner' });

  const isFerretDb = async (): Promise<boolean> => 'ferretdbVersion' in (await server.app.connection.db!.admin().command({ buildInfo: 1 }));

  test('the conversations made the queries we expect to check', () => {
    const collections = new Set([...shapes.values()].map((s) => s.collection));
    for (const name of ['conversations', 'inbox', 'leases', 'handoff_latest', 'handoff_cases', 'handoff_messages', 'loan_applications']) expect(collections).toContain(name);
  });

  test('what every turn reads (state, inbox, lease, the conversation\'s case) it reads by _id', () => {
    expect(turnShapes.some((s) => s.collection === 'handoff_cases')).toBe(true);
    const everyTurn = new Set(['conversations', 'inbox', 'leases', 'handoff_latest', 'handoff_cases']);
    const notById = [...new Set(turnShapes.filter((s) => everyTurn.has(s.collection) && !byId(s)).map(keyOf))];
    expect(notById).toEqual([]);
  });

  test('every query by _id is answered from the _id index', async () => {
    const ferret = await isFerretDb();
    const scans: string[] = [];
    for (const shape of [...shapes.values()].filter(byId)) {
      const plan = await explain(shape);
      const text = JSON.stringify(plan);
      const indexed = ferret ? plan.filterPushdown === true && /USING (INDEX|PRIMARY KEY)/.test(text) : /IDHACK|EXPRESS|IXSCAN/.test(text);
      if (!indexed) scans.push(`${keyOf(shape)}: ${text.slice(0, 200)}`);
    }
    expect(scans).toEqual([]);
  });

  test('every other query has an index that leads with its fields (and MongoDB uses it)', async () => {
    const ferret = await isFerretDb();
    const uncovered: string[] = [];
    for (const shape of [...shapes.values()].filter((s) => !byId(s))) {
      const indexes = (await server.app.connection.db!.collection(shape.collection).indexes()).map((i) => Object.keys(i.key));
      const fields = Object.keys(shape.filter).filter((f) => !f.startsWith('$'));
      const covered = indexes.some((keys) => keys[0] !== '_id' && fields.includes(keys[0] ?? ''));
      const used = ferret || /IXSCAN/.test(JSON.stringify(await explain(shape)));
      if (!covered || !used) uncovered.push(keyOf(shape));
    }
    expect(uncovered).toEqual([]);
  });
});
