/** `npm run schema:mapping`: writes the ledger mapping's JSON Schema to schemas/ledger-mapping.schema.json. */
import { writeFileSync } from 'node:fs';
import { ledgerMappingJsonSchema } from '../src/domain/ledger/mapping-json-schema.ts';

writeFileSync(new URL('../schemas/ledger-mapping.schema.json', import.meta.url), ledgerMappingJsonSchema());
