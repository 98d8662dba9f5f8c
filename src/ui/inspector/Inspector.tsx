import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { usePlayground, useView } from '../../store';
import { formatVirtualTime } from '../../projections/time';
import { RolloutPanel } from '../rollout/RolloutPanel';
import { NETWORK_TAB_IDS, NetworkTabPanel, networkTabs, type NetworkTabId } from '../network/inspectorTabs';
import { NetworkTools } from '../network/NetworkTools';
import { ActionsDrawer } from './actions/ActionsDrawer';
import { ContainerScope } from './container/ContainerScope';
import { EventsTable } from './EventsTable';
import { InspectorTabs, type TabId } from './InspectorTabs';
import { objectStatus, TONE_CLASSES } from './objectStatus';
import { TextPanel } from './TextPanel';
import { useInspected } from './useInspected';

function EmptyHint() {
  const t = useT();
  return (
    <div className="flex h-full flex-col">
      <div className="flex flex-col items-center justify-center gap-1.5 px-5 py-3 text-center text-[12.5px] text-slate-500">
        <p className="font-medium text-slate-700">{t('inspector.nothingSelected')}</p>
        <p>{t('inspector.emptyHint')}</p>
      </div>
      <NetworkTools />
    </div>
  );
}

/** The inspector pane: the selected object as of the timeline cursor — Describe, YAML and Events. */
export function Inspector() {
  const t = useT();
  const selection = usePlayground((s) => s.selection);
  const select = usePlayground((s) => s.select);
  const cursor = usePlayground((s) => s.cursor);
  const inspected = useInspected();
  const view = useView();
  const [chosenTab, setTab] = useState<TabId>('describe');

  if (!selection || !inspected) return <EmptyHint />;
  // a tab the selected kind does not have (Rollout for a Pod) falls back to Describe
  const extraTabs = networkTabs(selection, view);
  const missing = (chosenTab === 'rollout' && selection.kind !== 'Deployment') ||
    (NETWORK_TAB_IDS.has(chosenTab) && !extraTabs.some((t) => t.id === chosenTab));
  const tab: TabId = missing ? 'describe' : chosenTab;
  const { object } = inspected;
  const status = object ? objectStatus(object) : undefined;
  const title = `${selection.kind} ${selection.name}`;
  const ns = object?.metadata.namespace;
  const command = `${selection.kind.toLowerCase()} ${selection.name}${ns && ns !== 'default' ? ` -n ${ns}` : ''}`;

  return (
    <div className="flex h-full flex-col">
      <div className="flex items-start gap-2 px-3 pb-2 pt-3">
        <div className="min-w-0 flex-1">
          <h2 translate="no" className="break-all text-[14px] font-semibold leading-snug text-slate-900">
            <span className="mr-1.5 rounded bg-slate-100 px-1.5 py-px text-[12px] font-medium text-slate-600">{selection.kind}</span>
            {selection.name}
          </h2>
          <p className="text-[12px] text-slate-500">
            {ns ? `${t('inspector.namespace', { namespace: ns })} · ` : ''}{t('inspector.asOf', { step: Math.max(0, cursor), time: formatVirtualTime(view.now) })}
          </p>
        </div>
        {status && (
          <span translate="no" className={`shrink-0 rounded-full px-2 py-0.5 text-[12px] font-medium ring-1 ring-inset ${TONE_CLASSES[status.tone]}`}>
            {status.text}
          </span>
        )}
        <button type="button" onClick={() => select(null)} aria-label={t('inspector.clear')} title={t('inspector.clear')}
          className="shrink-0 rounded px-1.5 text-[16px] leading-6 text-slate-500 hover:bg-slate-100 hover:text-slate-700">
          ×
        </button>
      </div>
      {!object ? (
        <p className="px-3 py-2 text-[13px] text-slate-600">
          {t('inspector.missing', { object: title, step: Math.max(0, cursor) })}
        </p>
      ) : (
        <ContainerScope object={object} selection={selection}>
          <InspectorTabs
            tabs={[
              { id: 'describe', label: t('inspector.describe') },
              { id: 'yaml', label: 'YAML' },
              { id: 'events', label: t('inspector.events'), badge: <span aria-hidden="true" className="rounded-full bg-slate-100 px-1.5 text-[11px] text-slate-600">{inspected.events.length}</span> },
              ...(selection.kind === 'Deployment' ? [{ id: 'rollout' as const, label: t('inspector.rollout') }] : []),
              ...extraTabs,
            ]}
            active={tab}
            onChange={setTab}
          />
          <div role="tabpanel" id={`inspector-panel-${tab}`} aria-labelledby={`inspector-tab-${tab}`} className="flex min-h-0 flex-1 flex-col">
            {tab === 'describe' && <TextPanel label={t('inspector.describeOutput')} text={inspected.describe} caption={`$ kubectl describe ${command}`} />}
            {tab === 'yaml' && <TextPanel label={t('inspector.yamlOutput')} text={inspected.yaml} caption={`$ kubectl get ${command} -o yaml`} />}
            {tab === 'events' && <EventsTable rows={inspected.events} objectName={title} />}
            {tab === 'rollout' && <RolloutPanel selection={selection} />}
            {NETWORK_TAB_IDS.has(tab) && <NetworkTabPanel tab={tab as NetworkTabId} selection={selection} view={view} />}
          </div>
        </ContainerScope>
      )}
      <ActionsDrawer selection={selection} />
    </div>
  );
}
