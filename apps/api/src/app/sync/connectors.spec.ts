import { connectorStatuses } from './connectors';

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
