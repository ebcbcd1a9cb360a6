import { NearCopyIndex } from '../../src/nlu/near-copies';

describe('NearCopyIndex (phrases one word apart)', () => {
  const index = new NearCopyIndex(['hallo ik heb een vraag', 'mag ik een laptop lenen', 'hoi daar']);

  it.each([
    ['one word changed', 'hey ik heb een vraag', true],
    ['one word added', 'hallo ik heb nog een vraag', true],
    ['one word removed', 'ik heb een vraag', true],
    ['one word added to a short phrase', 'mag ik een laptop gratis lenen', true],
    ['two words changed', 'hey ik had een vraag', false],
    ['a different sentence', 'waar is de kringwinkel', false],
    ['two-word phrases are too short to call copies', 'hoi daarzo', false],
    ['the phrase itself is not its own neighbour', 'hallo ik heb een vraag', false],
  ] as const)('%s: "%s" → %s', (_case, phrase, expected) => {
    expect(index.hasNeighbour(phrase)).toBe(expected);
  });

  it('counts a second indexed phrase with the same shape as a neighbour of the first', () => {
    expect(new NearCopyIndex(['ik wil een laptop', 'ik wil een computer']).hasNeighbour('ik wil een laptop')).toBe(true);
  });
});
