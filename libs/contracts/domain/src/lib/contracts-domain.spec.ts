import { contractsDomain } from './contracts-domain';

describe('contractsDomain', () => {
  it('should work', () => {
    expect(contractsDomain()).toEqual('contracts-domain');
  });
});
