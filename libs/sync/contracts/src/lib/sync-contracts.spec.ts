import { syncContracts } from './sync-contracts';

describe('syncContracts', () => {
  it('should work', () => {
    expect(syncContracts()).toEqual('sync-contracts');
  });
});
