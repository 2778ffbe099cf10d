/** The three states every view can be in besides showing data: loading, failed, empty. */
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function Loading({ label, inline }: { label?: string; inline?: boolean }) {
  const { t } = useI18n();
  return (
    <div className={inline ? 'state state-inline' : 'state'} role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('state.loading')}
    </div>
  );
}

export function ErrorState({ error, onRetry, title }: { error: ApiError | Error; onRetry?(): void; title?: string }) {
  const { t, errorText } = useI18n();
  const network = 'status' in error && error.status === 0;
  return (
    <div className="state state-error" role="alert">
      <strong>{title ?? t('state.error')}</strong>
      <span>{network ? t('state.network') : errorText(error)}</span>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

/** A write that did not go through: what the server said, under a heading that says so. */
export function WriteError({ error }: { error: ApiError | Error | undefined }) {
  const { t } = useI18n();
  if (!error || ('status' in error && error.status === 401)) return null;
  return <ErrorState error={error} title={t('state.writeFailed')} />;
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return <div className="state state-empty">{children ?? t('state.empty')}</div>;
}

/**
 * Renders `children(data)` once loaded, else the matching state. A 401 shows nothing here:
 * the login dialog takes over and the view loads again after it.
 */
export function Async<T>({
  data,
  error,
  loading,
  reload,
  children,
  label,
}: {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload?(): void;
  label?: string;
  children(data: T): ReactNode;
}) {
  if (error && error.status !== 401) return <ErrorState error={error} onRetry={reload} />;
  if (data === undefined) return loading || error ? <Loading label={label} /> : null;
  return <>{children(data)}</>;
}
