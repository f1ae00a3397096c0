import {
  andThen,
  combine,
  err,
  isErr,
  isOk,
  map,
  mapErr,
  ok,
  unwrap,
  unwrapOr,
  type Result,
} from './result';

const half = (n: number): Result<number, string> =>
  n % 2 === 0 ? ok(n / 2) : err(`${n} is odd`);

describe('Result', () => {
  it.each([
    [4, true, 2],
    [3, false, undefined],
  ])('half(%i): ok=%p', (n, isOkay, value) => {
    const r = half(n);
    expect(isOk(r)).toBe(isOkay);
    expect(isErr(r)).toBe(!isOkay);
    expect(r.ok ? r.value : undefined).toBe(value);
  });

  it('maps values and errors', () => {
    expect(map(half(4), (v) => v + 1)).toEqual(ok(3));
    expect(map(half(3), (v) => v + 1)).toEqual(err('3 is odd'));
    expect(mapErr(half(3), (e) => e.length)).toEqual(err(8));
    expect(mapErr(half(4), (e) => e.length)).toEqual(ok(2));
  });

  it('chains with andThen', () => {
    expect(andThen(half(8), half)).toEqual(ok(2));
    expect(andThen(half(6), half)).toEqual(err('3 is odd'));
    expect(andThen(half(5), half)).toEqual(err('5 is odd'));
  });

  it('unwraps', () => {
    expect(unwrapOr(half(3), 0)).toBe(0);
    expect(unwrap(half(4))).toBe(2);
    expect(() => unwrap(half(3))).toThrow('3 is odd');
    expect(() => unwrap(err(new TypeError('boom')))).toThrow(TypeError);
  });

  it('combines results: all values or the first error', () => {
    expect(combine([half(2), half(4)])).toEqual(ok([1, 2]));
    expect(combine([half(2), half(3), half(5)])).toEqual(err('3 is odd'));
  });
});
