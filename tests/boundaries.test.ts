/** The boundary check sees type-only imports too: a type from another layer is a dependency on it. */
import { describe, expect, it } from 'vitest';
import { keepTypeImports } from '../scripts/keep-type-imports.ts';

describe('type-only imports before types are stripped', () => {
  it.each([
    ["import type { Db } from '../db/connection.ts';", "import { Db } from '../db/connection.ts';"],
    ["import type Decimal from 'decimal.js';", "import Decimal from 'decimal.js';"],
    ["import { getPlan, type PlanFile } from './api.ts';", "import { getPlan, PlanFile } from './api.ts';"],
    ["import { type A, type B as C } from './x.ts';", "import { A, B as C } from './x.ts';"],
    ["export type { Deviation, Finding } from './deviation-types.ts';", "export { Deviation, Finding } from './deviation-types.ts';"],
    ['export type Deviation = { kind: string };', 'export type Deviation = { kind: string };'],
    ["const text = 'a type of thing';", "const text = 'a type of thing';"],
  ])('%s', (source, kept) => {
    expect(keepTypeImports(source)).toBe(kept);
  });
});
