// The title row every page starts with. Its heading takes focus when the person arrives on the page by navigating or
// signing in (../lib/heading-focus.ts).
import { useLayoutEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { headingShown } from '../lib/heading-focus';

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: string;
  actions?: React.ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();
  // A layout effect runs again when a Suspense boundary shows the page after hiding it, which moves focus to body.
  useLayoutEffect(() => {
    if (heading.current) headingShown(key, heading.current);
  }, [key]);
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div>
        {/* A focus target for arriving on the page, not a Tab stop: it draws no ring. */}
        <h1 ref={heading} tabIndex={-1} className="font-display font-semibold text-2xl outline-none">
          {title}
        </h1>
        {description ? <p className="text-foreground-muted text-sm">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}
