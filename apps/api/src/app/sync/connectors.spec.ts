import { connectorHealth, connectorStatuses, type HealthInputs } from './connectors';

describe('connectorStatuses', () => {
  it('enables exactly the connectors whose settings are present and says how to enable the others', () => {
    const statuses = connectorStatuses({ webhookTargets: 'http://x|whsec_abc', sapBaseUrl: '  ', netsuiteBaseUrl: '' });
    expect(statuses.map((s) => [s.id, s.enabled, s.reason])).toEqual([
      ['webhook', true, null],
      ['sap', false, 'Set SAP_BASE_URL to enable it.'],
      ['netsuite', false, 'Set NETSUITE_BASE_URL to enable it.'],
    ]);
  });
});

describe('connectorHealth', () => {
  const base = { enabled: true, paused: false, deadLetters: 0, failedJobs: 0, lastSuccessAt: null, lastFailureAt: null };
  const t1 = new Date('2026-01-01T00:00:00Z');
  const t2 = new Date('2026-01-02T00:00:00Z');
  it.each<[string, Partial<HealthInputs>, string]>([
    ['nothing happened yet', {}, 'ok'],
    ['no settings', { enabled: false, paused: true, deadLetters: 3 }, 'disabled'],
    ['paused with dead letters', { paused: true, deadLetters: 3 }, 'paused'],
    ['dead letters waiting', { deadLetters: 1, lastSuccessAt: t2 }, 'degraded'],
    ['failed jobs in the queue', { failedJobs: 2 }, 'degraded'],
    ['last outcome a failure', { lastSuccessAt: t1, lastFailureAt: t2 }, 'degraded'],
    ['recovered since the last failure', { lastSuccessAt: t2, lastFailureAt: t1 }, 'ok'],
  ])('%s', (_label, inputs, expected) => {
    expect(connectorHealth({ ...base, ...inputs })).toBe(expected);
  });
});
