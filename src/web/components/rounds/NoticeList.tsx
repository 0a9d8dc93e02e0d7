/** The account's notices of round events, newest first; unread ones can be marked read. */
import { useRef, useState } from 'react';
import { formatDateTime } from '../../rounds-view.ts';
import { getNotices, readNotice } from '../../rounds-api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { roundPaths } from '../../../domain/rounds/addresses.ts';
import { useReloadableResource } from '../../use-resource.ts';
import { LiveMessage, type Message } from '../LiveMessage.tsx';
import { Loading } from '../LoadState.tsx';

export function NoticeList() {
  const { t } = useI18n();
  const [resource, reload] = useReloadableResource((signal) => getNotices(signal), []);
  const [message, setMessage] = useState<Message | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const markRead = async (id: number) => {
    try {
      await readNotice(id);
      await reload();
    } catch {
      setMessage({ kind: 'error', text: (t) => t.rounds.notices.failed, problems: [] });
      messageRef.current?.focus();
    }
  };
  return (
    <section aria-labelledby="notices-heading" className="notices">
      <h2 id="notices-heading">{t.rounds.notices.heading}</h2>
      <LiveMessage message={message} messageRef={messageRef} />
      {resource.state === 'loading' ? <Loading text={t.common.loading} /> : null}
      {resource.state === 'failed' ? <p className="notice notice--error">{resource.error.message}</p> : null}
      {resource.state === 'ready' ? (
        <>
          <p>{t.rounds.notices.unread(resource.data.unread)}</p>
          {resource.data.notices.length === 0 ? (
            <p>{t.rounds.notices.none}</p>
          ) : (
            <ul className="notice-list">
              {resource.data.notices.map((notice) => (
                <li key={notice.id} className={notice.read ? 'notice-list__item' : 'notice-list__item notice-list__item--unread'} data-kind={notice.kind}>
                  <p lang="sv">
                    {notice.node ? <Link href={roundPaths.assignment(notice.plan, notice.period, notice.node)}>{notice.message}</Link> : <Link href={roundPaths.round(notice.plan, notice.period)}>{notice.message}</Link>}
                  </p>
                  <p className="meta">
                    {formatDateTime(notice.createdAt)}
                    {notice.read ? ` · ${t.rounds.notices.read}` : null}
                  </p>
                  {notice.read ? null : (
                    <button type="button" className="button button--secondary button--small" aria-label={t.rounds.notices.markReadLabel(notice.message)} onClick={() => void markRead(notice.id)}>
                      {t.rounds.notices.markRead}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
