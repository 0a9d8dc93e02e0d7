/** Part of the layer boundary check (check-boundaries.ts): type-only imports kept when types are stripped. */

/** Type-only imports and re-exports as plain ones, so that stripping types keeps them. */
export function keepTypeImports(source: string): string {
  return source
    .replace(/^(\s*)import type\s+/gm, '$1import ')
    .replace(/^(\s*)export type\s+(\{[^}]*\}|\*)\s+from\s/gm, '$1export $2 from ')
    .replace(/([{,]\s*)type\s+(?=[A-Za-z_$][\w$]*\s*(?:,|}|as\s))/g, '$1');
}
