/** `styrkort json-schema`: the JSON Schema of the plan interchange format, generated from the model. */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { PlanFileSchema } from '../domain/plan.ts';

/** The schema document kept at schemas/plan-file.schema.json (a test keeps the two equal). */
export function planFileJsonSchema(): string {
  const schema = z.toJSONSchema(PlanFileSchema, { io: 'input', target: 'draft-2020-12' });
  const document = {
    $id: 'https://styrkort.se/schemas/plan-file.schema.json',
    title: 'Styrkort planfil (format 2)',
    description: 'En hel verksamhetsplan: organisation, mål, styrtal, strategier, aktiviteter, volymer, budget, texter och fotnoter, med varje siffra som den trycktes.',
    ...schema,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function jsonSchemaCommand(options: { out?: string }): void {
  const text = planFileJsonSchema();
  if (options.out) writeFileSync(options.out, text);
  else process.stdout.write(text);
}
