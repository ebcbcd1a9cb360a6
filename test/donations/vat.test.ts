import { parseBelgianVat } from '../../src/domain/donations/vat';

describe('Belgian VAT numbers', () => {
  test.each([
    ['BE0202239951', 'BE0202239951'],
    ['be 0202.239.951', 'BE0202239951'],
    ['0202-239-951', 'BE0202239951'],
    ['202239951', 'BE0202239951'],
    ['BE0403170701', 'BE0403170701'],
  ])('accepts %s as %s', (input, canonical) => {
    expect(parseBelgianVat(input)).toEqual({ ok: true, value: canonical });
  });

  test('refuses wrong check digits with that reason', () => {
    expect(parseBelgianVat('BE0202239952')).toEqual({ ok: false, problem: 'check_digits' });
    expect(parseBelgianVat('BE0403170710')).toEqual({ ok: false, problem: 'check_digits' });
  });

  test.each(['', 'BE', 'BE02022399', 'BE02022399512', 'BE2202239951', 'NL0202239951', 'BE0202239A51'])('refuses the format of "%s"', (input) => {
    expect(parseBelgianVat(input)).toEqual({ ok: false, problem: 'format' });
  });

  test('accepts a number whose first eight digits are a multiple of 97 (check digits 97)', () => {
    const base = String(97 * 10001).padStart(8, '0');
    expect(parseBelgianVat(`BE${base}97`)).toEqual({ ok: true, value: `BE${base}97` });
  });
});
