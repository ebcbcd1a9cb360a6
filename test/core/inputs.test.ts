import { parseAnswer, type OfferedChoice } from '../../src/core/dialog/inputs';
import type { AskStep } from '../../src/core/dialog/schema';

const now = new Date('2026-11-27T10:00:00Z');
const ask = (type: AskStep['ask'], extra: Partial<AskStep> = {}): AskStep => ({ ask: type, prompt: 'x.y', ...extra });
const choices: OfferedChoice[] = [{ id: 'loan', label: 'Een laptop lenen' }, { id: 'donate', label: 'Een laptop schenken' }, { id: 'faq', label: 'Vragen' }];

describe('typed inputs return a value or a reason', () => {
  test.each([
    ['2', 'donate'], ['2.', 'donate'], [' (3) ', 'faq'], ['nr 1', 'loan'], ['een laptop SCHENKEN', 'donate'], ['vragen', 'faq'], ['schenken', 'donate'],
  ])('choice "%s" → %s', (text, id) => {
    expect(parseAnswer(ask('choice'), { text }, choices, now)).toEqual({ ok: true, value: id, choiceId: id });
  });

  test('a choice by its id (a button) wins over the text', () => {
    expect(parseAnswer(ask('choice'), { choiceId: 'faq' }, choices, now)).toMatchObject({ ok: true, value: 'faq' });
  });

  test.each([['4'], ['0'], ['laptop'], [''], ['xyz']])('choice "%s" is refused with the range', (text) => {
    expect(parseAnswer(ask('choice'), { text }, choices, now)).toEqual({ ok: false, reason: 'input.invalid.choice', values: { max: 3 } });
  });

  test('yes/no understands buttons, labels and the NLU', () => {
    const yn: OfferedChoice[] = [{ id: 'yes', label: 'Ja' }, { id: 'no', label: 'Nee' }];
    expect(parseAnswer(ask('yesno'), { text: 'ja' }, yn, now)).toMatchObject({ ok: true, value: 'yes' });
    expect(parseAnswer(ask('yesno'), { text: 'tuurlijk', intent: { name: 'affirm', score: 0.9 } }, yn, now)).toMatchObject({ ok: true, value: 'yes' });
    expect(parseAnswer(ask('yesno'), { text: 'bof', intent: { name: 'deny', score: 0.3 } }, yn, now)).toMatchObject({ ok: false, reason: 'input.invalid.yesno' });
  });

  test.each([
    ['0470 12 34 56', '+32470123456'], ['+32 53 21 00 00', '+3253210000'], ['0032470123456', '+32470123456'],
  ])('phone "%s" → %s (Belgian default)', (text, value) => {
    expect(parseAnswer(ask('phone'), { text }, [], now)).toEqual({ ok: true, value });
  });

  test.each([['12345'], ['0470'], ['bel me']])('phone "%s" is refused', (text) => {
    expect(parseAnswer(ask('phone'), { text }, [], now)).toMatchObject({ ok: false, reason: 'input.invalid.phone' });
  });

  test('e-mail is checked and lower-cased', () => {
    expect(parseAnswer(ask('email'), { text: ' Jan.Peeters@Example.BE ' }, [], now)).toEqual({ ok: true, value: 'jan.peeters@example.be' });
    expect(parseAnswer(ask('email'), { text: 'jan@' }, [], now)).toMatchObject({ ok: false, reason: 'input.invalid.email' });
  });

  test.each([['9300', true], ['9 3 2 0', true], ['0300', false], ['93000', false], ['93', false]])('postcode "%s" valid: %s', (text, valid) => {
    expect(parseAnswer(ask('postcode'), { text }, [], now).ok).toBe(valid);
  });

  test('numbers respect min and max with a reason carrying the limit', () => {
    expect(parseAnswer(ask('number', { min: 1, max: 50 }), { text: '30' }, [], now)).toEqual({ ok: true, value: 30 });
    expect(parseAnswer(ask('number', { min: 1, max: 50 }), { text: '0' }, [], now)).toEqual({ ok: false, reason: 'input.invalid.number_min', values: { min: 1 } });
    expect(parseAnswer(ask('number', { min: 1, max: 50 }), { text: '51' }, [], now)).toEqual({ ok: false, reason: 'input.invalid.number_max', values: { max: 50 } });
    expect(parseAnswer(ask('number'), { text: 'dertig' }, [], now)).toMatchObject({ ok: false, reason: 'input.invalid.number' });
  });

  test('dates in Belgian and ISO form; impossible dates are refused', () => {
    expect(parseAnswer(ask('date'), { text: '25/12/2026' }, [], now)).toEqual({ ok: true, value: '2026-12-25' });
    expect(parseAnswer(ask('date'), { text: '3-1' }, [], now)).toEqual({ ok: true, value: '2026-01-03' });
    expect(parseAnswer(ask('date'), { text: '2026-02-30' }, [], now)).toMatchObject({ ok: false, reason: 'input.invalid.date' });
  });

  test('free text is trimmed, not empty and bounded, with a plural-ready count', () => {
    expect(parseAnswer(ask('text'), { text: '  Jan  ' }, [], now)).toEqual({ ok: true, value: 'Jan' });
    expect(parseAnswer(ask('text'), { text: '   ' }, [], now)).toMatchObject({ ok: false, reason: 'input.invalid.text_empty' });
    expect(parseAnswer(ask('text', { maxLength: 3 }), { text: 'abcd' }, [], now)).toEqual({ ok: false, reason: 'input.invalid.text_too_long', values: { count: 3 } });
  });
});
