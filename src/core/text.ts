/** Folds case, accents and spacing so that "Één", "een" and " EEN " compare equal when matching answers. */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.+\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cleans inbound text at the edge of the core: NFC, no control characters, bounded length. */
export function sanitizeInbound(text: string, maxLength: number): string {
  return text
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .slice(0, maxLength)
    .trim();
}

/** A bare choice number such as "2", "2.", "nr 2" or "(2)"; null when the text is something else. */
export function choiceNumber(text: string): number | null {
  const match = /^\s*(?:nr\.?|no\.?|n°|#)?\s*\(?([0-9]{1,2})[).]?\s*$/i.exec(text);
  return match ? Number(match[1]) : null;
}
