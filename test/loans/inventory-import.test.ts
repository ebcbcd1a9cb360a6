import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/domain/loans/inventory/import-cli';
import { parseInventoryCsv } from '../../src/domain/loans/inventory/csv-rows';
import { dropTestDatabase, testDatabaseUri } from '../support/db';
import { openLoans, type LoansHarness } from './loans-harness';

/** 500 data rows (lines 2..501) of which line 101 has an unknown type, 202 no serial, 303 repeats line 5's serial. */
function laptopsCsv(): string {
  const rows = Array.from({ length: 500 }, (_, i) => {
    const line = i + 2;
    const serial = line === 202 ? '' : line === 303 ? 'pf-00003' : `PF-${String(i).padStart(5, '0')}`;
    const type = line === 101 ? 'tablet' : i % 5 === 0 ? 'Chromebook' : 'laptop';
    return `${serial},Lenovo ThinkPad T480,${type},${i % 3 === 0 ? 'good' : 'fair'},${i % 50 === 0 ? 'repair' : ''}`;
  });
  return ['serial,model,type,condition,status', ...rows].join('\n');
}

function capture(isTTY: boolean): { io: Parameters<typeof main>[1] & object; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { env: { MONGODB_URI: uri, LOG_LEVEL: 'silent' }, out: { isTTY, write: (t) => void out.push(t) }, err: (l) => void err.push(l) } };
}

const uri = testDatabaseUri('inventory_import');

describe('npm run inventory:import -- laptops.csv', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inventory-'));
  const file = path.join(dir, 'laptops.csv');
  let h: LoansHarness;

  beforeAll(async () => {
    fs.writeFileSync(file, laptopsCsv());
    h = await openLoans(uri);
  });

  afterAll(async () => {
    await h.connection.close();
    await dropTestDatabase(uri);
  });

  test('500 rows with 3 bad rows: imports 497 and names the 3 by line and reason', async () => {
    const run = capture(false);
    expect(await main([file], run.io)).toBe(1);
    expect(run.err.filter((l) => l.startsWith('Line '))).toEqual([
      'Line 101: type must be one of laptop, chromebook',
      'Line 202: serial is empty',
      'Line 303: serial PF-00003 is also on line 5',
    ]);
    expect(run.out.join('')).toContain('Imported 497 new devices; 0 were already registered; 3 rows refused.');
    expect(run.out.filter((l) => l.startsWith('Imported ') && l.includes(' of '))).toHaveLength(11);
    expect((await h.devices.list({})).total).toBe(497);
    const counts = await h.devices.countByStatus();
    // Every 50th row is in repair and every 5th a Chromebook; line 202 (the empty serial) was one of both.
    expect(counts.repair).toBe(9);
    expect(counts.in_stock).toBe(488);
    expect((await h.devices.list({ type: 'chromebook' })).total).toBe(99);
  });

  test('running it again creates no duplicates', async () => {
    const run = capture(true);
    expect(await main([file], run.io)).toBe(1);
    expect(run.out.join('')).toContain('Imported 0 new devices; 497 were already registered; 3 rows refused.');
    expect(run.out.join('')).toContain('\r[##############################] 497/497');
    expect((await h.devices.list({})).total).toBe(497);
  });

  test('a file without the required columns imports nothing', async () => {
    const bad = path.join(dir, 'no-type.csv');
    fs.writeFileSync(bad, 'serial,model,condition\nX-1,Dell,good\n');
    const run = capture(false);
    expect(await main([bad], run.io)).toBe(2);
    expect(run.err.join('\n')).toMatch(/Nothing imported: .*misses the column\(s\) type/);
    expect(await h.devices.get('X-1')).toBeNull();
  });

  test('serials are compared the way the register keys them: case and spaces do not make a new device', () => {
    const rows = parseInventoryCsv('Serial,Model,Type,Condition\nab 12,Dell,laptop,new\nAB12,Dell,laptop,new\n');
    expect(rows.devices.map((d) => d.device.serial)).toEqual(['AB12']);
    expect(rows.bad).toEqual([{ line: 3, reason: 'serial AB12 is also on line 2' }]);
  });
});
