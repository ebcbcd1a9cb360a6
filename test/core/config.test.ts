import { loadConfig } from '../../src/config';

describe('configuration is read once from the environment and fails fast', () => {
  test('defaults: 127.0.0.1:3978, Dutch, data under ./data', () => {
    const config = loadConfig({});
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.PORT).toBe(3978);
    expect(config.DEFAULT_LANGUAGE).toBe('nl');
    expect(config.paths.data).toMatch(/data$/);
    expect(config.MONGODB_URI).toBeUndefined();
  });

  test.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ MONGODB_URI: 'postgres://x' }, /MONGODB_URI: must start with mongodb/],
    [{ DEFAULT_LANGUAGE: 'de' }, /DEFAULT_LANGUAGE/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ])('a bad variable is named: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
