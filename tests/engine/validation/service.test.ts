import { describe, expect, it } from 'vitest';
import { causes, service } from './fixtures';

const DNS1035_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

describe('Service validation', () => {
  it.each<[string, object]>([
    ['ClusterIP', service()],
    ['headless without ports', service({ clusterIP: 'None', ports: [] })],
    ['ExternalName without ports', service({ type: 'ExternalName', externalName: 'db.example.com', ports: [], selector: undefined })],
    ['NodePort in range', service({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })],
    ['named target port', service({ ports: [{ port: 80, targetPort: 'http' }] })],
    ['no selector', service({ selector: undefined })],
  ])('accepts %s', (_name, manifest) => {
    expect(causes(manifest)).toEqual([]);
  });

  it.each<[string, object, string[]]>([
    ['name is a DNS-1035 label (§13.4)', service({}, { name: '1web' }), [`metadata.name: Invalid value: "1web": ${DNS1035_MSG}`]],
    ['ports required', service({ ports: [] }), ['spec.ports: Required value']],
    ['port range', service({ ports: [{ port: 0 }] }), ['spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive']],
    ['NodePort out of range (§10)', service({ type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] }),
      ['spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767']],
    ['nodePort on ClusterIP', service({ ports: [{ port: 80, nodePort: 30080 }] }),
      ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]],
    ['names required with several ports', service({ ports: [{ port: 80 }, { port: 443 }] }),
      ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value']],
    ['duplicate port names', service({ ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81 }] }),
      ['spec.ports[1].name: Duplicate value: "http"']],
    ['duplicate ports', service({ ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] }),
      ['spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}']],
    ['protocol', service({ ports: [{ port: 80, protocol: 'HTTP' }] }),
      ['spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"']],
    ['type', service({ type: 'Internal' }),
      ['spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']],
    ['headless NodePort', service({ type: 'NodePort', clusterIP: 'None' }),
      ["spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services"]],
    ['ExternalName needs a name', service({ type: 'ExternalName', ports: [] }), ['spec.externalName: Required value']],
    ['bad clusterIP', service({ clusterIP: '10.0.0.300' }),
      ['spec.clusterIPs[0]: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']],
    ['selector label value', service({ selector: { app: 'web app' } }),
      ["spec.selector: Invalid value: \"web app\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"]],
    ['externalTrafficPolicy on ClusterIP', service({ externalTrafficPolicy: 'Local' }),
      ['spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services']],
    ['sessionAffinity', service({ sessionAffinity: 'Cookie' }),
      ['spec.sessionAffinity: Unsupported value: "Cookie": supported values: "ClientIP", "None"']],
  ])('%s', (_name, manifest, expected) => {
    expect(causes(manifest)).toEqual(expected);
  });
});
