import type { DeviceInput, DeviceStore } from './device-store';

/** What an import did: new devices, and devices that were already in the register (a re-run). */
export interface ImportCounts {
  inserted: number;
  existing: number;
}

const BATCH = 50;

/**
 * Writes checked devices to the register in batches, reporting progress after each. Every device is
 * keyed by its serial, so a re-run after an interruption adds only what is missing: an import never
 * leaves duplicates, however often it is started.
 */
export async function importDevices(store: DeviceStore, devices: DeviceInput[], at: Date, onProgress: (done: number) => void = () => undefined): Promise<ImportCounts> {
  const counts: ImportCounts = { inserted: 0, existing: 0 };
  onProgress(0);
  for (let start = 0; start < devices.length; start += BATCH) {
    const batch = devices.slice(start, start + BATCH);
    const result = await store.register(batch, at);
    counts.inserted += result.inserted;
    counts.existing += result.existing;
    onProgress(start + batch.length);
  }
  return counts;
}
