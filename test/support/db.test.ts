import { testDatabaseUri, uniqueDatabaseName, withDatabaseName } from './db';

describe('test database names', () => {
  it('are unique, short and limited to [a-z0-9_]', () => {
    const a = uniqueDatabaseName('Loan Applications / Staff-Queue with a very long prefix');
    const b = uniqueDatabaseName('Loan Applications / Staff-Queue with a very long prefix');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[a-z0-9_]{1,38}$/);
    expect(uniqueDatabaseName('---')).toMatch(/^test_[a-z0-9]{8}$/);
  });

  it('replace only the database part of the URI', () => {
    expect(withDatabaseName('mongodb://127.0.0.1:27017/', 'x')).toBe('mongodb://127.0.0.1:27017/x');
    expect(withDatabaseName('mongodb://h1:1,h2:2', 'x')).toBe('mongodb://h1:1,h2:2/x');
    expect(withDatabaseName('mongodb+srv://u:p@c.example.net/app?retryWrites=true', 'x')).toBe(
      'mongodb+srv://u:p@c.example.net/x?retryWrites=true',
    );
  });

  it('build on the server chosen by global setup', () => {
    expect(testDatabaseUri('db_helpers')).toMatch(/^mongodb(\+srv)?:\/\/[^/]+\/db_helpers_[a-z0-9]{8}(\?|$)/);
  });
});
