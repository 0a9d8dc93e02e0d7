/** The one h1 of a page: it names the page in the window title and takes focus after navigation. */
import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { takeFocusRequest } from '../router.tsx';

interface Props {
  /** Plain text for the window title; the heading shows `children` when given. */
  title: string;
  children?: ReactNode;
  /** False while the page is loading: focus waits for the real heading. */
  ready?: boolean;
  lang?: string;
}

export function PageHeading({ title, children, ready = true, lang }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t.site.pageTitle(title);
  }, [title, t]);
  useEffect(() => {
    if (ready && takeFocusRequest()) ref.current?.focus();
  }, [ready]);
  return (
    <h1 ref={ref} tabIndex={-1} lang={lang}>
      {children ?? title}
    </h1>
  );
}
