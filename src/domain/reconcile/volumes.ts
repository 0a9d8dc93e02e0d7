/**
 * "Varav" rows in volume tables: a part may not be larger than its whole; that bound is all that
 * is checked here.
 */
import type { VolumeTable } from '../plan.ts';
import { amount, nodeName, record, valueIn, type Context } from './context.ts';

/** Checks that no "varav" row of a volume table is larger than the row it is part of. */
export function checkVolumeParts(ctx: Context, table: VolumeTable): void {
  const name = nodeName(ctx.plan, table.node) ?? table.caption;
  for (const part of table.rows) {
    // A "varav" row pointing nowhere is a broken reference, reported by plan validation.
    const whole = part.partOf === undefined ? undefined : table.rows.find((row) => row.key === part.partOf);
    if (!whole) continue;
    for (const column of table.columns) {
      const stated = valueIn(part, column);
      const bound = valueIn(whole, column);
      if (stated === null || bound === null) continue;
      const exceeds = stated.gt(bound);
      const P = amount(stated, part.unit);
      const W = amount(bound, whole.unit);
      record(ctx, { kind: 'volume-part', tableKey: table.key, label: part.label, column }, { severity: exceeds ? 'gap' : 'ok', stated, computed: bound }, {
        message: exceeds
          ? `${name}, ${column.label}: "${part.label}" är ${P} men helheten "${whole.label}" är bara ${W}; delen är ${amount(stated.minus(bound), part.unit)} större än helheten`
          : `${name}, ${column.label}: "${part.label}" (${P}) ryms i "${whole.label}" (${W})`,
        summary: exceeds ? `varav ${P} är större än helheten ${W} (${whole.label})` : `varav ${P} av ${W}`,
      });
    }
  }
}
