/** A plain, accessible Swedish page listing the plans (the React app replaces it later). */
import type { PlanSummary } from '../services/plan-service.ts';

const statusNames: Record<string, string> = { draft: 'Utkast', submitted: 'Inlämnad', adopted: 'Fastställd', archived: 'Arkiverad' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function renderPlanListPage(plans: PlanSummary[]): string {
  const rows = plans
    .map((plan) => {
      const title = escapeHtml(plan.subtitle ? `${plan.title}, ${plan.subtitle}` : plan.title);
      const href = `/api/plans/${encodeURIComponent(plan.key)}`;
      return `<tr><td><a href="${href}">${title}</a></td><td>${plan.periodStart}–${plan.periodEnd}</td><td>${statusNames[plan.status] ?? escapeHtml(plan.status)}</td><td>${escapeHtml(plan.municipalityName)}</td></tr>`;
    })
    .join('\n');
  const body = plans.length
    ? `<table><caption>Planer</caption><thead><tr><th scope="col">Plan</th><th scope="col">Period</th><th scope="col">Status</th><th scope="col">Kommun</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>Det finns inga planer ännu.</p>';
  return `<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Styrkort – planer</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ccc}caption{text-align:left;font-weight:600;padding:.5rem 0}a{color:#0645ad}a:focus{outline:3px solid #1a73e8;outline-offset:2px}</style></head>
<body><header><p>Styrkort</p></header><main><h1>Verksamhetsplaner</h1>${body}</main></body>
</html>
`;
}
