/** The JSON Schema kept in the repository is the one the model generates, and it describes the demo. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planFileJsonSchema } from '../src/cli/json-schema.ts';

describe('plan file JSON Schema', () => {
  it('is up to date (regenerate with: npm run schema)', () => {
    expect(readFileSync(new URL('../schemas/plan-file.schema.json', import.meta.url), 'utf8')).toBe(planFileJsonSchema());
  });
});
