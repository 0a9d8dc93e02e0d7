/**
 * The importer under fuzzing, as `styrkort import` runs it: bytes → the JSON reader → validation
 * → one transaction. First the bytes of the real demo plan files are damaged (characters inserted,
 * removed or repeated, the file cut short, a byte made invalid UTF-8): the reader refuses with a
 * Swedish message and a line and column inside the file, or reads it, and validation then answers
 * in Swedish. Then real plans are changed the way people and programs change them (plan-mutations.ts)
 * and imported into a real database: each is stored whole or refused with a message — never an
 * unexpected error, never half a plan — and what is stored exports as a valid plan file.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { lockPlan } from '../../src/db/plan-item-repository.ts';
import { deletePlan } from '../../src/db/plan-repository.ts';
import { figures as figureRows, planItems, plans } from '../../src/db/schema.ts';
import { isStyrkortError } from '../../src/domain/errors.ts';
import { readJsonBytes } from '../../src/domain/json-input.ts';
import { validatePlanFile } from '../../src/domain/validate-plan.ts';
import { exportPlan, importPlan } from '../../src/services/plan-service.ts';
import { engines, freshDatabase } from '../helpers/databases.ts';
import { aPlan } from '../helpers/plan-builder.ts';
import { fuzzOptions, reportFigures } from './fuzz.ts';
import { mutatePlan, mutationArbitrary, oddTexts } from './plan-mutations.ts';

const demoFiles = ['timra-ifo-2018-2020', 'timra-sn-2020-2022'].map((key) => readFileSync(new URL(`../../demo/${key}.json`, import.meta.url)));
// English words zod, V8 or a driver would use: none may reach a user.
const english = /\b(invalid|expected|received|record|undefined|unexpected|token|failed|query|error)\b/i;

type Damage = { kind: 'insert'; at: number; text: string } | { kind: 'delete' | 'repeat'; at: number; length: number } | { kind: 'cut'; at: number } | { kind: 'byte'; at: number; byte: number };

const damageArbitrary: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', ' ', '\n', "'", 'null', '1e309', '-', '\u0000', '\ufeff', ...oddTexts), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constantFrom('delete', 'repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), byte: fc.integer({ min: 0x80, max: 0xff }) }),
);

function damage(file: Buffer, damages: Damage[]): Buffer {
  let bytes = Buffer.from(file);
  for (const change of damages) {
    const at = change.at % (bytes.length + 1);
    if (change.kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(change.text), bytes.subarray(at)]);
    if (change.kind === 'delete') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + change.length)]);
    if (change.kind === 'repeat') bytes = Buffer.concat([bytes.subarray(0, at + change.length), bytes.subarray(at, at + change.length), bytes.subarray(at + change.length)]);
    if (change.kind === 'cut') bytes = bytes.subarray(0, at);
    if (change.kind === 'byte' && bytes.length > 0) bytes[at % bytes.length] = change.byte;
  }
  return bytes;
}

describe('the importer under fuzzing', () => {
  it('damaged plan files: a Swedish refusal with a line and column inside the file, or a plan validation answers in Swedish', () => {
    const figures = { tried: 0, refusedByReader: 0, readAndRefused: 0, readAndValid: 0, failures: 0 };
    try {
      fc.assert(
        fc.property(fc.nat(1), fc.array(damageArbitrary, { minLength: 1, maxLength: 3 }), (which, damages) => {
          figures.tried += 1;
          const bytes = damage(demoFiles[which]!, damages);
          let value: unknown;
          try {
            value = readJsonBytes(bytes, 'Filen');
          } catch (error) {
            if (!isStyrkortError(error)) throw error;
            figures.refusedByReader += 1;
            expect(error.code).toBe('validation');
            expect(error.message).toMatch(/^Filen (är inte giltig (JSON: rad \d+, kolumn \d+: |UTF-8: byte \d+ \(rad \d+\))|har \d+ otillåtn?a? värden?|är tom)/);
            expect(error.message).not.toMatch(english);
            const line = /rad (\d+)/.exec(error.message)?.[1];
            if (line) expect(Number(line)).toBeLessThanOrEqual(bytes.toString('latin1').split('\n').length);
            return;
          }
          const validation = validatePlanFile(value);
          if (validation.ok) figures.readAndValid += 1;
          else {
            figures.readAndRefused += 1;
            for (const problem of validation.problems) expect(problem.message).not.toMatch(english);
          }
        }),
        fuzzOptions(600),
      );
    } catch (error) {
      figures.failures += 1;
      throw error;
    } finally {
      reportFigures('importer, damaged files', figures);
    }
  });

  describe.each(engines)('changed plans into a real database (%s)', (engine) => {
    let database: Database;
    beforeAll(async () => {
      database = await freshDatabase(engine);
    });
    afterAll(() => database?.close());

    const rows = async () => ({
      plans: (await database.db.select({ n: count() }).from(plans))[0]!.n,
      items: (await database.db.select({ n: count() }).from(planItems))[0]!.n,
      figures: (await database.db.select({ n: count() }).from(figureRows))[0]!.n,
    });

    it('stores each whole or refuses it with a message, never half; what is stored exports as a valid plan file', { timeout: 600_000 }, async () => {
      const figures = { tried: 0, stored: 0, refused: 0, failures: 0 };
      const sources = [aPlan(), ...demoFiles.map((file) => JSON.parse(file.toString('utf8')) as unknown)];
      let run = 0;
      try {
        await fc.assert(
          fc.asyncProperty(fc.integer({ min: 0, max: 5 }), fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }), async (pick, mutations) => {
            figures.tried += 1;
            run += 1;
            // Mostly the small plan: a whole demo plan takes a second or two to store on a loaded machine.
            const source = sources[pick < 4 ? 0 : pick - 3]!;
            const changed = mutatePlan(source, mutations) as { plan?: { key?: unknown } };
            const key = `fuzz-${run}-2020-2022`;
            if (changed.plan && typeof changed.plan === 'object') changed.plan.key = key;
            const before = await rows();
            try {
              const input = readJsonBytes(Buffer.from(JSON.stringify(changed)), 'Filen');
              await importPlan(database.db, input, { actor: 'fuzz', source: 'fuzz' });
            } catch (error) {
              if (!isStyrkortError(error)) throw error;
              expect(error.message).not.toMatch(english);
              expect(await rows()).toEqual(before);
              figures.refused += 1;
              return;
            }
            figures.stored += 1;
            const exported = await exportPlan(database.db, key);
            expect(validatePlanFile(JSON.parse(JSON.stringify(exported))).ok).toBe(true);
            await database.db.transaction(async (tx) => deletePlan(tx, (await lockPlan(tx, key))!));
          }),
          fuzzOptions(40),
        );
      } catch (error) {
        figures.failures += 1;
        throw error;
      } finally {
        reportFigures(`importer, changed plans into ${engine}`, figures);
      }
    });
  });
});
