import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('writes the same text for objects whose keys come in another order, at any depth', () => {
    const a = { b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'é' } };
    const b = { a: { c: 'é', d: [1, { x: 1, y: 2 }] }, b: 1 };

    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"c":"é","d":[1,{"x":1,"y":2}]},"b":1}');
  });

  it('keeps array order and tells values apart', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson({ a: null })).toBe('{"a":null}');
  });

  it('leaves out undefined properties, as storing as JSON does', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it.each([
    ['undefined', undefined],
    ['a bigint', 1n],
    ['NaN', Number.NaN],
    ['a Date', new Date(0)],
    ['a function', () => 1],
  ])('refuses %s, which no store could have returned', (_, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});
