/**
 * JSON with object keys sorted at every depth, so two requests with the
 * same content give the same bytes whatever order a partner's serialiser
 * writes keys in (used to recognise a replayed API submission).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(item).sort()) {
      sorted[key] = (item as Record<string, unknown>)[key];
    }
    return sorted;
  });
}
