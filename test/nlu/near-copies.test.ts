import { NearCopyIndex } from '../../src/nlu/near-copies';

describe('NearCopyIndex (phrases one word apart)', () => {
  const index = new NearCopyIndex(['hallo ik heb een vraag', 'mag ik een laptop lenen', 'hoi daar']);

  it.each([
    ['one word changed', 'hey ik heb een vraag'],
    ['one word added', 'hallo ik heb nog een vraag'],
    ['one word removed', 'ik heb een vraag'],
    ['one word added to a short phrase', 'mag ik een laptop gratis lenen'],
  ])('finds a neighbour: %s', (_case, phrase) => {
    expect(index.hasNeighbour(phrase)).toBe(true);
  });

  it.each([
    ['two words changed', 'hey ik had een vraag'],
    ['a different sentence', 'waar is de kringwinkel'],
    ['two-word phrases are too short to call copies', 'hoi daarzo'],
    ['the phrase itself is not its own neighbour', 'hallo ik heb een vraag'],
  ])('finds none: %s', (_case, phrase) => {
    expect(index.hasNeighbour(phrase)).toBe(false);
  });

  it('counts a second indexed phrase with the same shape as a neighbour of the first', () => {
    expect(new NearCopyIndex(['ik wil een laptop', 'ik wil een computer']).hasNeighbour('ik wil een laptop')).toBe(true);
  });
});
