/**
 * Where a new item is printed. A plan's sections name the items they show (`include`), so an item
 * added in the app would otherwise be left out of the document. A new item is listed in the section
 * of its kind that already shows a sibling (same node, same parent goal), else in the first such
 * section; a deleted item is taken out of every list. Sections are layout, not meaning: listing an
 * item there never keeps it from being deleted.
 */
import type { PlanFile, Section } from './plan.ts';

type Item = Record<string, unknown>;
type SectionKind = Section['kind'];

/** The section kinds that print an item of this part (empty: printed through another item, or never). */
export function sectionKindsFor(segment: string, item: Item): SectionKind[] {
  switch (segment) {
    case 'goals':
      return [item.level === 'municipal' ? 'municipal-goals' : 'committee-goals'];
    case 'strategies':
      return [item.scope === 'municipal' ? 'municipal-strategies' : 'service-area-strategies'];
    case 'outlooks':
      return ['outlooks'];
    case 'indicators':
      return ['indicators'];
    case 'service-declarations':
      return ['service-declarations'];
    case 'activity-tables':
      return ['activities'];
    case 'volume-tables':
      return ['volumes'];
    case 'budget-tables':
      return [item.kind === 'external-income' ? 'external-income' : 'operating-budget'];
    case 'capital-budgets':
      return ['capital-budget'];
    default:
      return [];
  }
}

/** What makes two items siblings in a document: the same organisation node, or the same parent goal. */
function siblingOf(item: Item): (other: Item) => boolean {
  if (typeof item.parent === 'string') return (other) => other.parent === item.parent;
  if (typeof item.node === 'string') return (other) => other.node === item.node;
  return () => false;
}

/**
 * The sections changed by listing a new item: the chosen section with the key added at the end, or
 * nothing when no section of its kind lists items by key (a section without `include` shows all).
 */
export function placeNewItem(plan: PlanFile, segment: string, item: Item, key: string, siblings: Item[]): Section[] {
  const kinds = sectionKindsFor(segment, item);
  const candidates = plan.sections.filter((section) => kinds.includes(section.kind));
  if (candidates.length === 0 || candidates.some((section) => section.include === undefined)) return [];
  if (candidates.some((section) => section.include!.includes(key))) return [];
  const isSibling = siblingOf(item);
  const siblingKeys = new Set(siblings.filter(isSibling).map((other) => String(other.key)));
  const chosen = candidates.find((section) => section.include!.some((listed) => siblingKeys.has(listed))) ?? candidates[0]!;
  return [{ ...chosen, include: [...chosen.include!, key] }];
}

/** The sections changed by deleting an item: each section of its kind that listed it, without it. */
export function unlistItem(plan: PlanFile, segment: string, item: Item, key: string): Section[] {
  const kinds = sectionKindsFor(segment, item);
  return plan.sections.filter((section) => kinds.includes(section.kind) && section.include?.includes(key)).map((section) => ({ ...section, include: section.include!.filter((listed) => listed !== key) }));
}
