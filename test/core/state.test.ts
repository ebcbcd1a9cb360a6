import { newState, parseState, STATE_VERSION } from '../../src/core/state';

describe('conversation state is typed, versioned and migrated on load', () => {
  test('the current shape parses as it is', () => {
    const state = { ...newState('fr'), greeted: true, turns: 4 };
    expect(parseState(JSON.parse(JSON.stringify(state)), 'nl')).toEqual({ state, reset: false });
  });

  test('a version 1 state (before clarification) is migrated, keeping the flow in progress', () => {
    const v1 = {
      version: 1, language: 'tr', greeted: true, turns: 3, proposedLanguage: null, misunderstood: 0, translationNoticeShown: ['tr'],
      stack: [{ flow: 'loan_info', step: 'postcode', answers: {}, failures: 1 }],
    };
    const { state, reset } = parseState(v1, 'nl');
    expect(reset).toBe(false);
    expect(state.version).toBe(STATE_VERSION);
    expect(state.stack[0]).toEqual(v1.stack[0]);
    expect(state.clarify).toBeNull();
    expect(state.declinedLanguages).toEqual([]);
  });

  test('unreadable state is reset instead of failing every turn, keeping a known language', () => {
    expect(parseState({ version: 2, language: 'ar', stack: 'oops' }, 'nl')).toMatchObject({ reset: true, state: { language: 'ar', greeted: true, stack: [] } });
    expect(parseState('garbage', 'en')).toMatchObject({ reset: true, state: { language: 'en' } });
    expect(parseState({ version: 99, language: 'fr' }, 'nl')).toMatchObject({ reset: true, state: { language: 'fr' } });
  });
});
