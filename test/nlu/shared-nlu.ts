import type { Nlu } from '../../src/core/nlu';
import { loadTestNlu } from '../support/nlu-model';

/** The NLU trained on nlu/*.json, loaded from the model the global setup saved. */
export function sharedNlu(): Promise<Nlu> {
  return loadTestNlu();
}
