import { useEffect, useState } from 'react';
import { shellText, startLanguage } from '../../i18n/shellText';
import { HeaderFrame } from './HeaderFrame';

/**
 * What the first screen shows while the simulated cluster (the engine, the canvas and the panes,
 * one lazily loaded chunk) arrives: the header and the shape of the panes.
 */
export function StartingShell() {
  const [language] = useState(startLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <div className="flex h-full flex-col">
      <HeaderFrame tagline={shellText(language, 'shell.tagline')} />
      <div className="flex min-h-0 flex-1">
        <div className="w-[30%] max-w-[520px] border-r border-slate-200 bg-white" />
        <div className="flex flex-1 items-center justify-center bg-slate-50">
          <p role="status" className="text-[14px] text-slate-500">{shellText(language, 'shell.starting')}</p>
        </div>
      </div>
    </div>
  );
}
