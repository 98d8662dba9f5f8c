import { actorKindLabel } from '../../i18n/actorKinds';
import { useT } from '../../i18n/useT';
import { actorKind } from '../../projections/actors';
import { actorTone } from './actorTone';

/** The actor's name (data) on a chip coloured by its kind; the kind, in words, is also in the tooltip. */
export function ActorChip({ actor }: { actor: string }) {
  const t = useT();
  return (
    <span
      className={`inline-block max-w-full truncate rounded px-1.5 py-px font-mono text-[12px] leading-5 ring-1 ring-inset ${actorTone(actor)}`}
      title={`${actor} — ${actorKindLabel(actorKind(actor), t)}`}
    >
      <span translate="no">{actor}</span>
    </span>
  );
}
