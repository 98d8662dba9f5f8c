import type { ReactNode } from 'react';
import './language.css';

/**
 * The header's frame: logo, product name and tagline (passed in, already in the UI's language);
 * `children` are its controls. Needs no store.
 */
export function HeaderFrame({ tagline, children }: { tagline: string; children?: ReactNode }) {
  return (
    <header className="flex h-12 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-4">
      <Logo />
      <h1 translate="no" className="shrink-0 whitespace-nowrap text-[16px] font-semibold tracking-tight text-slate-900">Kube Playground</h1>
      <p className="hidden min-w-0 truncate text-[13px] text-slate-500 md:block" title={tagline}>
        {tagline}
      </p>
      {/* controls keep their one-line labels (Chinese would otherwise wrap a character per line); the tagline gives way */}
      <div className="ml-auto flex shrink-0 items-center gap-2 whitespace-nowrap [&>*]:shrink-0">{children}</div>
    </header>
  );
}

function Logo() {
  return (
    <svg aria-hidden="true" viewBox="0 0 32 32" className="h-7 w-7 shrink-0">
      <rect width="32" height="32" rx="7" fill="#4f46e5" />
      <path d="M16 5 25.5 10.5v11L16 27 6.5 21.5v-11z" fill="none" stroke="#fff" strokeWidth="2.2" strokeLinejoin="round" />
      <circle cx="16" cy="16" r="3.2" fill="#fff" />
    </svg>
  );
}
