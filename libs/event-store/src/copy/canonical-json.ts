/**
 * JSON with object keys sorted at every level, so two stores that hand back the same event with keys in a
 * different order (PostgreSQL's jsonb sorts them, KurrentDB keeps the written order) hash the same.
 * Only JSON values are accepted: anything else could not have been stored, so it means a bug.
 * @throws TypeError for values JSON cannot represent (undefined, functions, bigints, non-finite numbers).
 */
export function canonicalJson(value: unknown): string {
  // Hashed on every append: a plain loop, without the arrays that entries/filter/map/join would allocate.
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`Not a JSON number: ${value}`);
      return JSON.stringify(value);
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) out += ',';
      out += canonicalJson(value[index]);
    }
    return `${out}]`;
  }
  if (isPlainObject(value)) {
    // The default sort compares UTF-16 code units, as `<` on strings does.
    const keys = Object.keys(value).sort();
    let out = '{';
    for (const key of keys) {
      const item = value[key];
      if (item === undefined) continue;
      if (out.length > 1) out += ',';
      out += `${JSON.stringify(key)}:${canonicalJson(item)}`;
    }
    return `${out}}`;
  }
  throw new TypeError(`Not a JSON value: ${typeof value}`);
}

/** A plain object from any realm (structuredClone and JSON.parse may build it in another one than ours). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Object.prototype.toString.call(value) !== '[object Object]') {
    return false;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
