/**
 * Why: a held-out phrase that differs from a training phrase by one word ("hallo ik heb een vraag" /
 * "hey ik heb een vraag") is an easy test; the evaluation reports its accuracy without such phrases too,
 * so nobody mistakes a score flattered by near-copies for understanding.
 */

/** Phrases shorter than this are never near-copies: one word of two changes the meaning too often. */
const MIN_WORDS = 3;

function words(normalized: string): string[] {
  return normalized.split(' ').filter((w) => w !== '');
}

function substitutionKeys(list: readonly string[]): string[] {
  return list.map((_, i) => [...list.slice(0, i), '\u0000', ...list.slice(i + 1)].join(' '));
}

function deletions(list: readonly string[]): string[] {
  return list.map((_, i) => [...list.slice(0, i), ...list.slice(i + 1)].join(' '));
}

/** Why: answers "is there a training phrase one word away from this one?" in a few map lookups. */
export class NearCopyIndex {
  private readonly phrases = new Set<string>();
  /** Substitution key → how many phrases of the index have it. */
  private readonly substitutions = new Map<string, number>();
  private readonly shortened = new Set<string>();

  /** Takes normalised phrases (normalizeText). */
  constructor(normalized: Iterable<string>) {
    for (const phrase of normalized) {
      const list = words(phrase);
      if (this.phrases.has(list.join(' '))) continue;
      this.phrases.add(list.join(' '));
      if (list.length >= MIN_WORDS) substitutionKeys(list).forEach((key) => this.substitutions.set(key, (this.substitutions.get(key) ?? 0) + 1));
      if (list.length > MIN_WORDS) deletions(list).forEach((key) => this.shortened.add(key));
    }
  }

  /** True when a phrase of the index equals this one with one word changed, added or removed (the same phrase does not count). */
  hasNeighbour(normalized: string): boolean {
    const list = words(normalized);
    const own = this.phrases.has(list.join(' ')) ? 1 : 0;
    if (list.length >= MIN_WORDS && substitutionKeys(list).some((key) => (this.substitutions.get(key) ?? 0) > own)) return true;
    if (list.length > MIN_WORDS && deletions(list).some((key) => this.phrases.has(key))) return true;
    return list.length >= MIN_WORDS && this.shortened.has(list.join(' '));
  }
}
