/**
 * Logging in: two labelled fields, the server's message in a live region when it fails, and back
 * to where the reader was (`?nasta=`) when it succeeds. `?utgangen=1` says the session had ended.
 */
import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { useI18n, type Messages } from '../i18n/index.tsx';
import { Link, navigate, paths, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';

export function LoginPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const { user, login } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // A function of the texts, so the message follows a switch of language.
  const [error, setError] = useState<((t: Messages) => string) | null>(null);
  const [busy, setBusy] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const expired = search.get('utgangen') === '1';
  const next = search.get('nasta');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!username.trim() || !password) {
      setError(() => (t: Messages) => t.login.missingFields);
      (username.trim() ? passwordRef : usernameRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : paths.start());
    } catch (caught) {
      setError(() => (t: Messages) => `${t.login.failed}: ${caught instanceof ApiError ? (caught.code === 'network' ? t.errors.network : caught.message) : t.errors.unexpected}`);
      setPassword('');
      passwordRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page page--login">
      <PageHeading title={t.login.title} />
      {expired && !user ? (
        <div className="notice notice--warning" role="status">
          <p>{t.login.expired}</p>
        </div>
      ) : null}
      {user ? (
        <p>
          {t.login.alreadyLoggedIn(user.displayName ?? user.username)} <Link href={paths.start()}>{t.login.continue}</Link>
        </p>
      ) : (
        <>
          <p>{t.login.intro}</p>
          <form className="login-form" onSubmit={submit} noValidate aria-describedby="login-error">
            <div className="field">
              <label htmlFor="login-username">{t.login.username}</label>
              <input
                ref={usernameRef}
                id="login-username"
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                aria-required="true"
                aria-invalid={error !== null && !username.trim() ? true : undefined}
                value={username}
                onChange={(event) => setUsername(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="login-password">{t.login.password}</label>
              <input
                ref={passwordRef}
                id="login-password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                aria-required="true"
                aria-invalid={error !== null ? true : undefined}
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            </div>
            <div id="login-error" className="live-message" aria-live="assertive" aria-atomic="true">
              {error ? <p className="notice notice--error">{error(t)}</p> : null}
            </div>
            <button type="submit" className="button" aria-disabled={busy || undefined}>
              {busy ? t.login.busy : t.login.submit}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
