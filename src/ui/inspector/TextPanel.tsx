import { useState, type ReactNode } from 'react';
import { useT } from '../../i18n/useT';

interface TextPanelProps {
  /** Accessible name of the text region, e.g. "Describe output". */
  label: string;
  text: string;
  /** The command that prints the text (shown above it, as data), e.g. "$ kubectl describe pod web-1". */
  caption: ReactNode;
}

/** Monospaced, selectable output (describe, YAML) with a copy button; long lines scroll sideways. */
export function TextPanel({ label, text, caption }: TextPanelProps) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(text).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1200);
    }, () => {});
  };
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex items-center gap-2 border-b border-slate-100 px-3 py-1 text-[12px] text-slate-500">
        <span translate="no" lang="en" className="min-w-0 flex-1 truncate font-mono">{caption}</span>
        <button type="button" onClick={copy} aria-label={copied ? t('common.copied') : t('inspector.copyLabel', { label })}
          className="shrink-0 rounded border border-slate-200 bg-white px-2 py-px text-[12px] text-slate-600 hover:bg-slate-50">
          {copied ? t('common.copied') : t('common.copy')}
        </button>
      </div>
      <pre
        translate="no"
        lang="en"
        aria-label={label}
        tabIndex={0}
        className="min-h-0 flex-1 overflow-auto whitespace-pre px-3 py-2.5 font-mono text-[12.5px] leading-[1.5] text-slate-800"
      >
        {text}
      </pre>
    </div>
  );
}
