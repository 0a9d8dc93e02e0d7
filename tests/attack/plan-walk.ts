/**
 * Walking a plan file as plain JSON: every string leaf with its path, and writing one back. The
 * attack tests use it to put a payload into every text field a plan has, whatever its shape.
 */
export type JsonPath = Array<string | number>;

/** Every string value in a JSON value, with its path (object keys and array indexes). */
export function stringLeaves(value: unknown, path: JsonPath = []): Array<{ path: JsonPath; value: string }> {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringLeaves(item, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...path, key]));
  }
  return [];
}

/** A deep copy of a JSON value. */
export function copyJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Sets the value at a path (which must exist up to its last step). */
export function setAt(root: unknown, path: JsonPath, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
}

/** The path as validation prints it: $.goals[3].text. */
export function pathText(path: JsonPath): string {
  return path.reduce<string>((out, step) => (typeof step === 'number' ? `${out}[${step}]` : `${out}.${step}`), '$');
}
