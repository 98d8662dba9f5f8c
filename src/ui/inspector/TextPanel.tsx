import { useState } from 'react';

interface TextPanelProps {
  /** Accessible name of the text region, e.g. "Describe output". */
  label: string;
  text: string;
}

/** Monospaced, selectable output (describe, YAML) with a copy button; long lines scroll sideways. */
export function TextPanel({ label, text }: TextPanelProps) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(text).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1200);
    }, () => {});
  };
  return (
    <div className="relative min-h-0 flex-1">
      <button
        type="button"
        onClick={copy}
        className="absolute right-3 top-2 z-10 rounded border border-slate-200 bg-white/90 px-2 py-0.5 text-[12px] text-slate-600 hover:bg-slate-50"
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
      <pre
        aria-label={label}
        tabIndex={0}
        className="h-full overflow-auto whitespace-pre px-3 py-2.5 font-mono text-[12.5px] leading-[1.5] text-slate-800"
      >
        {text}
      </pre>
    </div>
  );
}
