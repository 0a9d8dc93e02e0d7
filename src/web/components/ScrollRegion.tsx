/**
 * A box that scrolls sideways when its table is wider than the screen (320 px, 200 % zoom). Only
 * while it actually overflows is it a named, focusable region, so keyboard users can scroll it and
 * everyone else gets no extra tab stop.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';

export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className={overflows ? 'scroll-region scroll-region--overflows' : 'scroll-region'}
      {...(overflows ? { role: 'region', 'aria-labelledby': labelledBy, tabIndex: 0, title: t.plan.tableScroll } : {})}
    >
      {children}
    </div>
  );
}
