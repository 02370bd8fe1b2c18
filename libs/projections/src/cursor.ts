/** Opaque page cursors: a sort key wrapped so clients do not build them by hand. */
export function encodeCursor(kind: string, key: number): string {
  return Buffer.from(`${kind}:${key}`, 'utf8').toString('base64url');
}

/** Answers the key, or null when the cursor is not one of ours. */
export function decodeCursor(kind: string, cursor: string): number | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const [prefix, key, ...rest] = text.split(':');
  if (prefix !== kind || rest.length > 0 || key === undefined || !/^\d{1,18}$/.test(key)) return null;
  return Number(key);
}
