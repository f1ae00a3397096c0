import { approvalsDomain } from './approvals-domain';

describe('approvalsDomain', () => {
  it('should work', () => {
    expect(approvalsDomain()).toEqual('approvals-domain');
  });
});
