/**
 * Code patterns of the ledger mapping, one syntax for accounts, responsibility and activity
 * codes: `*` any code; `5310` exactly that code; `53*` every code that starts with 53; `5300-5399`
 * every code whose first four digits lie in the range (so `3000-3099` also holds the
 * sub-account 30106 of Kommun-Bas). Codes are text: "0123" is not "123".
 */

/** Why a pattern is not one, in Swedish; null when it is. */
export function patternProblem(pattern: string): string | null {
  const range = /^(\d+)-(\d+)$/.exec(pattern);
  if (range !== null) {
    if (range[1]!.length !== range[2]!.length) return 'Intervallets gränser ska ha lika många siffror, t.ex. 5300-5399.';
    return range[1]! > range[2]! ? 'Intervallet börjar efter att det slutar.' : null;
  }
  if (pattern === '*' || /^[^\s*]+\*?$/.test(pattern)) return null;
  return 'Ogiltigt mönster: skriv en kod (5310), ett prefix (53*), ett intervall (5300-5399) eller * för alla.';
}

/** The test of a valid pattern (see patternProblem). */
export function compilePattern(pattern: string): (code: string) => boolean {
  if (pattern === '*') return () => true;
  if (pattern.endsWith('*')) {
    const prefix = pattern.slice(0, -1);
    return (code) => code.startsWith(prefix);
  }
  const range = /^(\d+)-(\d+)$/.exec(pattern);
  if (range !== null) {
    const [from, to] = [range[1]!, range[2]!];
    return (code) => {
      const lead = code.slice(0, from.length);
      return lead.length === from.length && /^\d+$/.test(lead) && lead >= from && lead <= to;
    };
  }
  return (code) => code === pattern;
}
