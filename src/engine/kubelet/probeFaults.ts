import type { Container, Probe } from 'kubernetes-types/core/v1';
import type { ProbeOutcome } from './probes';

function portOf(port: number | string, container: Container): number | string {
  if (typeof port === 'number') return port;
  return container.ports?.find((p) => p.name === port)?.containerPort ?? port;
}

/**
 * What a probe made to fail reports, per handler, as upstream words a failing endpoint: an HTTP
 * 500, a refused connection, a command exiting 1 without output, a gRPC NOT_SERVING.
 * upstream: pkg/probe/http/http.go, pkg/probe/tcp/tcp.go, pkg/probe/exec/exec.go, pkg/probe/grpc/grpc.go
 */
export function forcedProbeFailure(probe: Probe, container: Container, podIP: string): ProbeOutcome {
  if (probe.httpGet) return { result: 'failure', output: 'HTTP probe failed with statuscode: 500' };
  if (probe.tcpSocket) {
    const host = probe.tcpSocket.host || podIP;
    return { result: 'failure', output: `dial tcp ${host}:${portOf(probe.tcpSocket.port, container)}: connect: connection refused` };
  }
  if (probe.grpc) return { result: 'failure', output: 'service unhealthy (responded with "NOT_SERVING")' };
  return { result: 'failure', output: '' };
}
