/** What a page shows while its data loads, or when loading failed. */
import type { ApiError } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';

export function Loading({ text }: { text?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {text ?? t.common.loading}
    </p>
  );
}

/** The error in words; `heading` false when the page's h1 already says something went wrong. */
export function LoadError({ error, notFoundText, heading = true }: { error: ApiError; notFoundText?: string; heading?: boolean }) {
  const { t } = useI18n();
  const message = error.status === 404 && notFoundText ? notFoundText : error.code === 'network' ? t.errors.network : error.message || t.errors.unexpected;
  return (
    <div className="notice notice--error" role="alert">
      {heading ? <h2>{t.errors.title}</h2> : null}
      <p>{message}</p>
    </div>
  );
}
