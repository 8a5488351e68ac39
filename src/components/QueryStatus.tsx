import type { ReactNode } from 'react';
import { ApiError } from '../lib/api-client';

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

export function ErrorPanel({ title, error, children }: { title: string; error: unknown; children?: ReactNode }) {
  const message = error instanceof Error ? error.message : String(error);
  const details = error instanceof ApiError ? error.errors : [];
  return (
    <div className="error-panel" role="alert">
      <h2>{title}</h2>
      <p>{message}</p>
      {details.length > 0 && (
        <ul>
          {details.map((d, i) => (
            <li key={i}>
              <code>
                {d.param}={d.value}
              </code>
              : {d.message}
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}
