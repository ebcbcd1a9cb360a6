import { NgramClassifier } from '../../src/nlu/ngram-classifier';

const phrases = [
  { text: 'laptop lenen', label: 'loan_apply', group: 'nl' },
  { text: 'ik wil een laptop lenen', label: 'loan_apply', group: 'nl' },
  { text: 'laptop geven', label: 'donate_schedule', group: 'nl' },
  { text: 'wij willen laptops geven', label: 'donate_schedule', group: 'nl' },
];

describe('n-gram classifier', () => {
  it('keeps features seen in two phrases and leaves out those of one phrase only', () => {
    const vocabulary = new Set(NgramClassifier.train(phrases).toData().vocabulary);
    expect(vocabulary.has('w:laptop')).toBe(true);
    expect(vocabulary.has('nl|w:lenen')).toBe(true);
    expect(vocabulary.has('w:ik')).toBe(false);
    expect(vocabulary.has('nl|w:wij')).toBe(false);
  });

  it('still answers from the features it kept, also for a text with unknown words', () => {
    const model = NgramClassifier.train(phrases);
    expect(model.classify('mag ik lenen', 'nl')[0]?.label).toBe('loan_apply');
    expect(model.classify('geven', 'nl')[0]?.label).toBe('donate_schedule');
  });
});
