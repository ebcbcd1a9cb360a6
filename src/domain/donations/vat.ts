/** Why a VAT number was refused: the donor is told the reason and asked again. */
export type VatProblem = 'format' | 'check_digits';

/** A Belgian VAT number in its canonical form (BE0123456789), or the reason it is not one. */
export type VatResult = { ok: true; value: string } | { ok: false; problem: VatProblem };

/**
 * Validates a Belgian VAT (enterprise) number: ten digits starting with 0 or 1, whose last two digits
 * are 97 minus the first eight modulo 97. Accepts the ways people type it (BE 0123.456.789, old
 * nine-digit numbers) so a donor is only asked again for a real mistake.
 */
export function parseBelgianVat(input: string): VatResult {
  const compact = input.toUpperCase().replace(/[\s.\-/]/g, '');
  const digits = compact.startsWith('BE') ? compact.slice(2) : compact;
  if (!/^\d{9,10}$/.test(digits)) return { ok: false, problem: 'format' };
  const ten = digits.length === 9 ? `0${digits}` : digits;
  if (ten[0] !== '0' && ten[0] !== '1') return { ok: false, problem: 'format' };
  const base = Number(ten.slice(0, 8));
  const check = Number(ten.slice(8));
  return 97 - (base % 97) === check ? { ok: true, value: `BE${ten}` } : { ok: false, problem: 'check_digits' };
}
