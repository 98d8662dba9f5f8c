import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { usePlayground, type ObjectRef } from '../../store';
import { PartsText } from '../common/PartsText';
import { ActionSection } from '../inspector/actions/ActionSection';
import { FaultFormView } from './FaultForms';
import { faultGroups, type FaultForm, type FaultGroup } from './faultItems';

const BASE = 'inline-flex items-center rounded-md bg-white px-2 py-1 text-[12.5px] font-medium ring-1 ring-inset transition-colors';
const DANGER = `${BASE} text-rose-700 ring-rose-300 hover:bg-rose-50`;
const PLAIN = `${BASE} text-slate-700 ring-slate-300 hover:bg-slate-50`;

function GroupButtons({ group, onForm }: { group: FaultGroup; onForm: (f: FaultForm) => void }) {
  const actions = usePlayground.getState();
  return (
    <div role="group" aria-label={group.title} className="flex flex-wrap gap-1.5">
      {group.items.map((item) => (
        <button type="button" key={item.id} className={item.danger ? DANGER : PLAIN}
          onClick={() => (item.form ? onForm(item.form) : item.run?.(actions))}>
          <PartsText parts={item.parts} wrapped />
        </button>
      ))}
    </div>
  );
}

/**
 * The fault and Node actions of the canvas menu, for the Pod or Node selected in the inspector
 * (the Pod's Delete is the inspector's own Delete section, so it is left out here).
 */
export function FaultControls({ selection }: { selection: ObjectRef }) {
  const cluster = usePlayground((s) => s.cluster);
  usePlayground((s) => s.version); // the live cluster changes without the cluster object changing
  const [form, setForm] = useState<FaultForm | null>(null);
  const t = useT();
  const isPod = selection.kind === 'Pod';
  const groups = faultGroups(cluster, isPod
    ? { type: 'pod', name: selection.name, namespace: selection.namespace ?? 'default' }
    : { type: 'node', name: selection.name }, t)
    .map((g) => ({ ...g, items: g.items.filter((i) => i.id !== 'deletePod') }))
    .filter((g) => g.items.length > 0);
  if (!form && groups.length === 0) return null;
  const hint = isPod ? t('faults.podHint') : t('faults.nodeHint');
  return (
    <ActionSection title={isPod ? t('faults.sectionFaults') : t('faults.sectionNode')} hint={hint}>
      {form ? (
        <div className="rounded-md border border-slate-200 bg-white"><FaultFormView form={form} actions={usePlayground.getState()} done={() => setForm(null)} /></div>
      ) : (
        <div className="flex flex-col gap-2">
          {groups.map((g) => (
            <div key={g.title ?? 'node'}>
              {g.titleParts && <p className="mb-1 font-mono text-[12px] text-slate-600"><PartsText parts={g.titleParts} wrapped /></p>}
              <GroupButtons group={g} onForm={setForm} />
            </div>
          ))}
        </div>
      )}
    </ActionSection>
  );
}
