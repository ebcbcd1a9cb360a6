import type { Example } from './corpus';

/** A deterministic PRNG (mulberry32) so every run of the evaluation uses the same folds. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/**
 * Why: held-out evaluation where every (language, intent) pair is spread evenly over the folds, so a
 * small intent is never missing from a training split. Returns the fold index of each example.
 */
export function stratifiedFolds(examples: readonly Example[], folds: number, seed: number): number[] {
  const random = seededRandom(seed);
  const groups = new Map<string, number[]>();
  examples.forEach((example, index) => {
    const key = `${example.language}/${example.intent}`;
    groups.set(key, [...(groups.get(key) ?? []), index]);
  });
  const assignment = new Array<number>(examples.length).fill(0);
  let offset = 0;
  for (const indices of groups.values()) {
    shuffled(indices, random).forEach((index, position) => {
      assignment[index] = (position + offset) % folds;
    });
    offset += indices.length;
  }
  return assignment;
}
