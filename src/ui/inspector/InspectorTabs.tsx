import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../../i18n/useT';
import type { NetworkTabId } from '../network/inspectorTabs';

export type TabId = 'describe' | 'yaml' | 'events' | 'rollout' | NetworkTabId;

interface Tab {
  id: TabId;
  label: string;
  badge?: ReactNode;
}

interface InspectorTabsProps {
  tabs: Tab[];
  active: TabId;
  onChange(id: TabId): void;
}

/** A WAI-ARIA tab list: click or ←/→/Home/End to switch; only the active tab is a tab stop. */
export function InspectorTabs({ tabs, active, onChange }: InspectorTabsProps) {
  const t = useT();
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === active);
    const next = e.key === 'ArrowRight' ? (i + 1) % tabs.length : e.key === 'ArrowLeft' ? (i - 1 + tabs.length) % tabs.length
      : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    onChange(tabs[next].id);
    refs.current[tabs[next].id]?.focus();
  };
  return (
    <div role="tablist" aria-label={t('inspector.views')} className="flex flex-wrap gap-x-1 border-b border-slate-200 px-3" onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.id}
          ref={(el) => { refs.current[t.id] = el; }}
          type="button"
          role="tab"
          id={`inspector-tab-${t.id}`}
          aria-selected={t.id === active}
          aria-controls={`inspector-panel-${t.id}`}
          tabIndex={t.id === active ? 0 : -1}
          onClick={() => onChange(t.id)}
          className={`-mb-px flex items-center gap-1.5 border-b-2 px-2.5 py-2 text-[13px] font-medium ${
            t.id === active ? 'border-indigo-600 text-indigo-700' : 'border-transparent text-slate-500 hover:text-slate-800'
          }`}
        >
          {t.label}
          {t.badge}
        </button>
      ))}
    </div>
  );
}
