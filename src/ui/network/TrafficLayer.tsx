import { memo, useMemo } from 'react';
import { EMPTY_OVERLAY, trafficOverlay, type FailureMark, type TrafficFlight } from '../../graph/traffic';
import type { ClusterGraph } from '../../graph/types';
import { useT } from '../../i18n/useT';
import { useCurrentStep, usePlayground, useView } from '../../store';
import './traffic.css';

const reducedMotion = () => typeof window !== 'undefined' && !!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

const pathOf = (f: TrafficFlight) => f.points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');

/** One sampled request: a dot travelling its way within the Step's time, green when answered, red when not. */
function Flight({ flight, total, still }: { flight: TrafficFlight; total: number; still: boolean }) {
  const d = pathOf(flight);
  const end = flight.points[flight.points.length - 1];
  const cls = flight.ok ? 'kp-flight-dot' : 'kp-flight-dot kp-flight-failed';
  if (still) return <circle cx={end.x} cy={end.y} r={4} className={cls} />;
  const dur = `${Math.round(total * 0.55)}ms`;
  const begin = `${Math.round(flight.delay * total * 0.45)}ms`;
  return (
    <circle r={4.5} className={cls} opacity={0}>
      <animateMotion dur={dur} begin={begin} fill="freeze" path={d} calcMode="paced" />
      <animate attributeName="opacity" values={flight.ok ? '0;1;1;0' : '0;1;1;1'} keyTimes="0;0.08;0.85;1" dur={dur} begin={begin} fill="freeze" />
    </circle>
  );
}

function Failure({ mark }: { mark: FailureMark }) {
  return (
    <g className="kp-failure">
      <circle cx={mark.x} cy={mark.y} r={8} />
      <path d={`M${mark.x - 3.5} ${mark.y - 3.5} l7 7 M${mark.x + 3.5} ${mark.y - 3.5} l-7 7`} />
      <text x={mark.x + 12} y={mark.y + 4 + mark.row * 16}>{mark.count > 1 ? `${mark.count}× ` : ''}{mark.text}</text>
    </g>
  );
}

/**
 * The traffic layer over the graph, in flow coordinates (the canvas puts it in React Flow's
 * viewport): request-rate badges on the Pods as of the cursor, and the Step's sampled requests
 * travelling client → Service → Pod, failures ending red with their reason. Decorative for
 * assistive technology: the Traffic panel says the same in text.
 */
export const TrafficLayer = memo(function TrafficLayer({ graph }: { graph: ClusterGraph }) {
  const t = useT();
  const view = useView();
  const step = useCurrentStep();
  const speed = usePlayground((s) => s.speed);
  const overlay = useMemo(() => trafficOverlay(graph, view, step, t), [graph, view, step, t]);
  if (overlay === EMPTY_OVERLAY) return null;
  const total = Math.min(1600, Math.max(450, 1000 / Math.max(0.1, speed)));
  const still = reducedMotion();
  const paths = [...new Set(overlay.flights.filter((f) => f.points.length > 1).map(pathOf))];
  return (
    <div aria-hidden="true" className="kp-traffic">
      {/* keyed by Step: a new Step restarts the animation */}
      <svg key={step?.index ?? -1} className="kp-traffic-svg" width={Math.max(1, graph.width)} height={Math.max(1, graph.height)}>
        {paths.map((d) => <path key={d} d={d} className="kp-flight-path" />)}
        {overlay.flights.map((f) => <Flight key={f.id} flight={f} total={total} still={still} />)}
        {overlay.failures.map((m) => <Failure key={`${m.x},${m.y},${m.text}`} mark={m} />)}
      </svg>
      {overlay.clients.map((c) => (
        <div key={`${c.x},${c.y}`} className="kp-traffic-client" style={{ left: c.x, top: c.y }}>{c.text}</div>
      ))}
      {overlay.badges.map((b) => (
        <div key={b.id} className={`kp-traffic-badge ${b.perSecond ? '' : 'kp-traffic-idle'}`} style={{ left: b.x, top: b.y }}>
          {b.text}
        </div>
      ))}
    </div>
  );
});
