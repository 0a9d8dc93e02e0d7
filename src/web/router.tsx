/**
 * A small router on the History API: the routes of the app, links that navigate without a page
 * load, and focus moved to the new page's heading so keyboard and screen-reader users land on it.
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';
import { roundPaths } from '../domain/rounds/addresses.ts';

export type Route =
  | { name: 'start' }
  | { name: 'plan'; planKey: string }
  | { name: 'scorecard'; planKey: string }
  | { name: 'follow-up'; planKey: string }
  | { name: 'volume-grid'; planKey: string; tableKey: string }
  | { name: 'content-editor'; planKey: string; part: ContentPart }
  | { name: 'activities'; planKey: string }
  | { name: 'budget'; planKey: string; tableKey: string }
  | { name: 'capital-budget'; planKey: string; tableKey: string }
  | { name: 'rollover'; planKey: string }
  | { name: 'imports'; planKey: string }
  | { name: 'my-follow-up' }
  | { name: 'rounds'; planKey: string }
  | { name: 'round'; planKey: string; period: string }
  | { name: 'assignment'; planKey: string; period: string; node: string }
  | { name: 'kolada'; planKey: string }
  | { name: 'kolada-measure'; planKey: string; itemType: 'indicator' | 'volume'; measure: string }
  | { name: 'compare' }
  | { name: 'accessibility' }
  | { name: 'login' }
  | { name: 'not-found' };

/** The plan parts edited on the content editor page, by their Swedish address segment. */
export const contentParts = { mal: 'goals', styrtal: 'indicators', strategier: 'strategies', servicedeklarationer: 'service-declarations', verksamhetsbeskrivningar: 'outlooks' } as const;
export type ContentPartSegment = keyof typeof contentParts;
export type ContentPart = (typeof contentParts)[ContentPartSegment];
const contentSegmentOf = (part: ContentPart) => (Object.keys(contentParts) as ContentPartSegment[]).find((segment) => contentParts[segment] === part)!;

/** The app's addresses; Swedish words, the same in both languages. */
export const paths = {
  start: () => '/',
  plan: (planKey: string) => `/planer/${encodeURIComponent(planKey)}`,
  scorecard: (planKey: string, period?: string) => `/planer/${encodeURIComponent(planKey)}/styrkort${period ? `?period=${encodeURIComponent(period)}` : ''}`,
  /** Follow-up of a plan for a month ('YYYY-MM'; default the latest month with actuals). */
  followUp: (planKey: string, period?: string) => `/planer/${encodeURIComponent(planKey)}/uppfoljning${period ? `?period=${encodeURIComponent(period)}` : ''}`,
  /** The grid editor of one volume table. */
  volumeGrid: (planKey: string, tableKey: string) => `/planer/${encodeURIComponent(planKey)}/volymer/${encodeURIComponent(tableKey)}`,
  /** Editing one content part of a plan (goals, strategies, service declarations, outlooks). */
  contentEditor: (planKey: string, part: ContentPart) => `/planer/${encodeURIComponent(planKey)}/innehall/${contentSegmentOf(part)}`,
  /** The plan's activities: table and status board. */
  activities: (planKey: string) => `/planer/${encodeURIComponent(planKey)}/aktiviteter`,
  /** The editor of one operating budget table (resultaträkning). */
  budget: (planKey: string, tableKey: string) => `/planer/${encodeURIComponent(planKey)}/budget/${encodeURIComponent(tableKey)}`,
  /** The editor of one investment budget. */
  capitalBudget: (planKey: string, tableKey: string) => `/planer/${encodeURIComponent(planKey)}/investeringar/${encodeURIComponent(tableKey)}`,
  /** Rolling the plan over into a new period, with its preview. */
  rollover: (planKey: string) => `/planer/${encodeURIComponent(planKey)}/overfor`,
  /** Importing actuals from files into the plan (Importera utfall), with the history of imports. */
  imports: (planKey: string) => `/planer/${encodeURIComponent(planKey)}/importera`,
  /** Jämförelse (Kolada): the plan's linked measures, or one measure's comparison. */
  kolada: (planKey: string, itemType?: 'indicator' | 'volume', measure?: string) =>
    `/planer/${encodeURIComponent(planKey)}/jamforelse${itemType && measure ? `/${itemType === 'indicator' ? 'styrtal' : 'volym'}/${encodeURIComponent(measure)}` : ''}`,
  /** Two plans compared, a before b. */
  compare: (a?: string, b?: string) => {
    const query = new URLSearchParams();
    if (a) query.set('a', a);
    if (b) query.set('b', b);
    const text = query.toString();
    return `/jamfor${text ? `?${text}` : ''}`;
  },
  accessibility: () => '/tillganglighet',
  /** Follow-up rounds: Min uppföljning, a plan's rounds, a round, an assignment (domain/rounds/addresses.ts). */
  ...roundPaths,
  /** The login page; `next` is where to go after logging in, `expired` says the session ended. */
  login: (next?: string, expired?: boolean) => {
    const query = new URLSearchParams();
    if (next && next.startsWith('/') && !next.startsWith('//')) query.set('nasta', next);
    if (expired) query.set('utgangen', '1');
    const text = query.toString();
    return `/logga-in${text ? `?${text}` : ''}`;
  },
};

const patterns: Array<[RegExp, (match: RegExpExecArray) => Route]> = [
  [/^\/$/, () => ({ name: 'start' })],
  [/^\/planer\/([^/]+)\/?$/, (m) => ({ name: 'plan', planKey: decode(m[1]!) })],
  [/^\/planer\/([^/]+)\/styrkort\/?$/, (m) => ({ name: 'scorecard', planKey: decode(m[1]!) })],
  [/^\/planer\/([^/]+)\/uppfoljning\/?$/, (m) => ({ name: 'follow-up', planKey: decode(m[1]!) })],
  [/^\/planer\/([^/]+)\/volymer\/([^/]+)\/?$/, (m) => ({ name: 'volume-grid', planKey: decode(m[1]!), tableKey: decode(m[2]!) })],
  [/^\/planer\/([^/]+)\/innehall\/(mal|styrtal|strategier|servicedeklarationer|verksamhetsbeskrivningar)\/?$/, (m) => ({ name: 'content-editor', planKey: decode(m[1]!), part: contentParts[m[2] as ContentPartSegment] })],
  [/^\/planer\/([^/]+)\/aktiviteter\/?$/, (m) => ({ name: 'activities', planKey: decode(m[1]!) })],
  [/^\/planer\/([^/]+)\/budget\/([^/]+)\/?$/, (m) => ({ name: 'budget', planKey: decode(m[1]!), tableKey: decode(m[2]!) })],
  [/^\/planer\/([^/]+)\/investeringar\/([^/]+)\/?$/, (m) => ({ name: 'capital-budget', planKey: decode(m[1]!), tableKey: decode(m[2]!) })],
  [/^\/planer\/([^/]+)\/overfor\/?$/, (m) => ({ name: 'rollover', planKey: decode(m[1]!) })],
  [/^\/planer\/([^/]+)\/importera\/?$/, (m) => ({ name: 'imports', planKey: decode(m[1]!) })],
  [/^\/min-uppfoljning\/?$/, () => ({ name: 'my-follow-up' })],
  [/^\/planer\/([^/]+)\/omgangar\/?$/, (m) => ({ name: 'rounds', planKey: decode(m[1]!) })],
  [/^\/planer\/([^/]+)\/omgangar\/([^/]+)\/?$/, (m) => ({ name: 'round', planKey: decode(m[1]!), period: decode(m[2]!) })],
  [/^\/planer\/([^/]+)\/omgangar\/([^/]+)\/([^/]+)\/?$/, (m) => ({ name: 'assignment', planKey: decode(m[1]!), period: decode(m[2]!), node: decode(m[3]!) })],
  [/^\/planer\/([^/]+)\/jamforelse\/?$/, (m) => ({ name: 'kolada', planKey: decode(m[1]!) })],
  [/^\/planer\/([^/]+)\/jamforelse\/(styrtal|volym)\/([^/]+)\/?$/, (m) => ({ name: 'kolada-measure', planKey: decode(m[1]!), itemType: m[2] === 'styrtal' ? 'indicator' : 'volume', measure: decode(m[3]!) })],
  [/^\/jamfor\/?$/, () => ({ name: 'compare' })],
  [/^\/tillganglighet\/?$/, () => ({ name: 'accessibility' })],
  [/^\/logga-in\/?$/, () => ({ name: 'login' })],
];

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The route of a path; anything unknown is 'not-found'. */
export function matchRoute(pathname: string): Route {
  for (const [pattern, route] of patterns) {
    const match = pattern.exec(pathname);
    if (match) return route(match);
  }
  return { name: 'not-found' };
}

const navigationEvent = 'styrkort:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(navigationEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(navigationEvent, onChange);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

export interface Location {
  pathname: string;
  search: URLSearchParams;
}

/** The current path and query; re-renders on navigation (not on #fragment changes). */
export function useLocation(): Location {
  const current = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(current, 'http://x');
  return { pathname: url.pathname, search: url.searchParams };
}

let focusRequested = false;

/** Goes to a path inside the app; the next page heading takes focus. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const before = snapshot();
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  if (new URL(to, window.location.href).pathname !== new URL(before, window.location.href).pathname) {
    focusRequested = true;
    window.scrollTo(0, 0);
  }
  window.dispatchEvent(new Event(navigationEvent));
}

if (typeof window !== 'undefined') {
  // Back and forward to another page move focus as a link does; a #fragment link does not.
  let shownPath = window.location.pathname;
  const remember = () => {
    if (window.location.pathname !== shownPath) focusRequested = true;
    shownPath = window.location.pathname;
  };
  window.addEventListener('popstate', remember);
  window.addEventListener(navigationEvent, () => {
    shownPath = window.location.pathname;
  });
}

/** Whether the page heading should take focus now (once per navigation). */
export function takeFocusRequest(): boolean {
  const requested = focusRequested;
  focusRequested = false;
  return requested;
}

function isPlainLeftClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey && !event.defaultPrevented;
}

/** A link inside the app: an ordinary <a href> that navigates without reloading. */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return (
    <a
      href={href}
      onClick={(event) => {
        onClick?.(event);
        if (!isPlainLeftClick(event) || rest.target || rest.download !== undefined) return;
        const url = new URL(href, window.location.href);
        if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
        event.preventDefault();
        navigate(url.pathname + url.search + url.hash);
      }}
      {...rest}
    />
  );
}
