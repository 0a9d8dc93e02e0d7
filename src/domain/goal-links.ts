/**
 * How a goal's contributions to goals above it read (issue 12, point 4): "Bidrar till mål 1:2,
 * Trygg uppväxt (indirekt)." — a numbered goal by its number, another by its words, an indirect
 * link marked. One wording for the documents and the web app.
 */
import type { Goal } from './plan.ts';

/** The sentence naming the goals `goal` contributes to besides its parent, or null when it names none. */
export function contributionSentence(goal: Pick<Goal, 'contributesTo'>, goals: ReadonlyMap<string, Pick<Goal, 'number' | 'text'>>): string | null {
  if (!goal.contributesTo?.length) return null;
  const names = goal.contributesTo.map((link) => {
    const target = goals.get(link.goal);
    const name = target ? (target.number ? `mål ${target.number}` : target.text) : link.goal;
    return link.link === 'direct' ? name : `${name} (indirekt)`;
  });
  return `Bidrar till ${names.join(', ')}.`;
}
