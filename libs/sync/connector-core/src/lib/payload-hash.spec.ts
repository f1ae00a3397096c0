import { payloadHash } from './payload-hash';

describe('payloadHash', () => {
  it('is the sha256 of the exact bytes, in hex', () => {
    expect(payloadHash('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(payloadHash('{"a":1}')).toBe('015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
  });

  it('differs when one byte differs (key order matters: it is what was sent)', () => {
    expect(payloadHash('{"a":1,"b":2}')).not.toBe(payloadHash('{"b":2,"a":1}'));
  });

  it('hashes UTF-8', () => {
    expect(payloadHash('Müller')).toBe(payloadHash(Buffer.from('Müller', 'utf8').toString()));
    expect(payloadHash('Müller')).not.toBe(payloadHash('Muller'));
  });
});
