import { ordersDomain } from './orders-domain';

describe('ordersDomain', () => {
  it('should work', () => {
    expect(ordersDomain()).toEqual('orders-domain');
  });
});
