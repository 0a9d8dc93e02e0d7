/** The JSON Schema of the ledger mapping file, generated from the model (kept in schemas/ledger-mapping.schema.json). */
import { z } from 'zod';
import { LedgerMapping } from './mapping.ts';

/** The schema document as kept in the repository (a test keeps the two equal). */
export function ledgerMappingJsonSchema(): string {
  const schema = z.toJSONSchema(LedgerMapping, { io: 'input', target: 'draft-2020-12' });
  const document = {
    $id: 'https://styrkort.se/schemas/ledger-mapping.schema.json',
    title: 'Styrkort mappning av huvudbok (format 1)',
    description:
      'Hur ekonomisystemets kodsträngar (ansvar, verksamhet, konto, SIE-objekt) blir Styrkorts organisationsnoder och tabellrader, och vilka konton som är intäkter och kostnader enligt Kommun-Bas. Reglerna läses uppifrån; den första som passar gäller.',
    ...schema,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
