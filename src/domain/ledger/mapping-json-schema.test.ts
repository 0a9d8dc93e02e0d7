/** The mapping's JSON Schema kept in the repository is the one the model generates. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ledgerMappingJsonSchema } from './mapping-json-schema.ts';

describe('ledger mapping JSON Schema', () => {
  it('is up to date (regenerate with: npm run schema:mapping)', () => {
    expect(readFileSync(new URL('../../../schemas/ledger-mapping.schema.json', import.meta.url), 'utf8')).toBe(ledgerMappingJsonSchema());
  });
});
