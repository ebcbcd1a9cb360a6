import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { DEVICE_CONDITIONS, DEVICE_TYPES, normalizeSerial, type DeviceInput } from './device-store';

/** The statuses a device may have when it enters the register; "lent" starts with an approval, never with an import. */
export const IMPORT_STATUSES = ['in_stock', 'repair', 'retired'] as const;

/** The columns of an inventory CSV; `status` may be left out (then every device is in stock). */
export const INVENTORY_COLUMNS = ['serial', 'model', 'type', 'condition', 'status'] as const;
const REQUIRED = INVENTORY_COLUMNS.filter((c) => c !== 'status');

/** A row that cannot be imported, with its line in the file, so staff can fix exactly that line. */
export interface BadRow {
  line: number;
  reason: string;
}

/** A checked file: the devices to import, each with its line, and the rows that were refused. */
export interface InventoryRows {
  devices: Array<{ line: number; device: DeviceInput }>;
  bad: BadRow[];
}

/** The whole file is unusable (no header, a missing column): nothing is imported. */
export class InventoryFileError extends Error {
  override readonly name = 'InventoryFileError';
}

const word = (value: string): string => value.trim().toLowerCase().replace(/[\s-]+/g, '_');

const rowSchema = z.object({
  serial: z.string().trim().min(1, 'serial is empty').max(64, 'serial is longer than 64 characters'),
  model: z.string().trim().min(1, 'model is empty').max(120, 'model is longer than 120 characters'),
  type: z.string().transform(word).pipe(z.enum(DEVICE_TYPES, { errorMap: () => ({ message: `type must be one of ${DEVICE_TYPES.join(', ')}` }) })),
  condition: z.string().transform(word).pipe(z.enum(DEVICE_CONDITIONS, { errorMap: () => ({ message: `condition must be one of ${DEVICE_CONDITIONS.join(', ')}` }) })),
  status: z.string().transform((s) => (s.trim() === '' ? 'in_stock' : word(s))).pipe(z.enum(IMPORT_STATUSES, { errorMap: () => ({ message: `status must be one of ${IMPORT_STATUSES.join(', ')}` }) })),
});

const recordsSchema = z.array(z.object({ info: z.object({ lines: z.number() }), record: z.array(z.string()) }));

function columnsOf(header: string[]): Map<string, number> {
  const columns = new Map(header.map((name, i) => [word(name), i] as const));
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length > 0) throw new InventoryFileError(`the header misses the column(s) ${missing.join(', ')} (expected: ${INVENTORY_COLUMNS.join(', ')})`);
  return columns;
}

/**
 * Reads and checks a whole inventory CSV before anything is written: every refused row is reported
 * with its line number and reason (a bad value, a serial twice in the file); the others are returned
 * for import. Serials are compared normalised (case and spaces), as the register stores them.
 */
export function parseInventoryCsv(text: string): InventoryRows {
  let parsed;
  try {
    parsed = recordsSchema.parse(parse(text, { info: true, bom: true, trim: true, skip_empty_lines: true, relax_column_count: true }));
  } catch (error) {
    throw new InventoryFileError(`not a readable CSV file: ${error instanceof Error ? error.message : String(error)}`);
  }
  const [header, ...rows] = parsed;
  if (!header) throw new InventoryFileError('the file is empty');
  const columns = columnsOf(header.record);
  const result: InventoryRows = { devices: [], bad: [] };
  const seen = new Map<string, number>();
  for (const { info, record } of rows) {
    const line = info.lines;
    const cell = (name: string): string => record[columns.get(name) ?? -1] ?? '';
    const checked = rowSchema.safeParse(Object.fromEntries(INVENTORY_COLUMNS.map((c) => [c, cell(c)])));
    if (!checked.success) {
      result.bad.push({ line, reason: checked.error.issues.map((i) => i.message).join('; ') });
      continue;
    }
    const serial = normalizeSerial(checked.data.serial);
    const first = seen.get(serial);
    if (first !== undefined) {
      result.bad.push({ line, reason: `serial ${serial} is also on line ${first}` });
      continue;
    }
    seen.set(serial, line);
    result.devices.push({ line, device: { ...checked.data, serial } });
  }
  return result;
}
