import { useRef } from 'react';
import { useT } from '../../i18n/useT';
import { Button } from '../common/Button';

/**
 * A visible "Open YAML file" button backed by a hidden file input (the input carries the same
 * accessible name, so tests and assistive tools can reach it directly).
 */
export function OpenFileButton({ onFile }: { onFile(file: File): void }) {
  const input = useRef<HTMLInputElement>(null);
  const t = useT();
  return (
    <>
      <Button onClick={() => input.current?.click()} title={t('editor.openHint')}>
        <FileIcon />
        {t('editor.open')}
      </Button>
      <input
        ref={input}
        type="file"
        aria-label={t('editor.open')}
        accept=".yaml,.yml,.json"
        className="sr-only"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // opening the same file again still fires change
          if (file) onFile(file);
        }}
      />
    </>
  );
}

function FileIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.5">
      <path d="M4 1.75h5l3 3v9.5H4z" strokeLinejoin="round" />
      <path d="M9 1.75v3h3" strokeLinejoin="round" />
    </svg>
  );
}
