/** Times in import records and provenance lines, in Swedish form and Swedish time: "2026-03-05 14:07". */

const format = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
const dateOnly = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** "2026-03-05 14:07" (Swedish time). */
export function formatDateTime(at: Date): string {
  return format.format(at);
}

/** "2026-03-05" (Swedish time). */
export function formatDate(at: Date): string {
  return dateOnly.format(at);
}
