import { configureQueueBackend } from './queue-backend';

describe('configureQueueBackend', () => {
  it('chooses Redis when a Redis URL is given and hides the password', () => {
    const backend = configureQueueBackend({ redisUrl: 'redis://:secret@127.0.0.1:6379/0', databaseUrl: 'postgres://x', prefix: 'p' });
    expect(backend.engine).toBe('redis');
    expect(backend.describe()).toContain('***');
    expect(backend.describe()).not.toContain('secret');
  });

  it('falls back to the PostgreSQL backend on the application database', () => {
    const backend = configureQueueBackend({ databaseUrl: 'postgres://u:pw@127.0.0.1:5432/app', prefix: 'p' });
    expect(backend.engine).toBe('postgres');
    expect(backend.describe()).toContain('schema "bullmq"');
    expect(backend.describe()).not.toContain(':pw@');
  });

  it('reports an unreachable engine from ping', async () => {
    const backend = configureQueueBackend({ redisUrl: 'redis://127.0.0.1:1', databaseUrl: 'postgres://x', prefix: 'p' });
    await expect(backend.ping(500)).rejects.toThrow();
  });
});
