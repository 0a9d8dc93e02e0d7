/** A follow-up section whose content is read separately: its heading, then loading, the error or the content. */
import type { ReactNode } from 'react';
import type { Resource } from '../../use-resource.ts';
import { LoadError, Loading } from '../LoadState.tsx';

interface Props<T> {
  id: string;
  heading: string;
  loadingText: string;
  resource: Resource<T>;
  children: (data: T) => ReactNode;
}

export function ResourceSection<T>({ id, heading, loadingText, resource, children }: Props<T>) {
  return (
    <section aria-labelledby={id} className="follow-up-section">
      <h2 id={id}>{heading}</h2>
      {resource.state === 'loading' ? <Loading text={loadingText} /> : null}
      {resource.state === 'failed' ? <LoadError error={resource.error} /> : null}
      {resource.state === 'ready' ? children(resource.data) : null}
    </section>
  );
}
