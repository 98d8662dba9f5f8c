/** Manifests shared by the kube-proxy, traffic and metrics scenario tests. */

export const agnhostPod = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {app: web}}
spec:
  containers:
  - name: app
    image: registry.k8s.io/e2e-test-images/agnhost:2.39
    args: [netexec, --http-port=8080]${extra}
`;

/** Serves 200 on /healthz for 10s, then 500: with this readiness probe it turns unready after ~10s. */
export const flakyPod = (name: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {app: web}}
spec:
  containers:
  - name: app
    image: registry.k8s.io/liveness
    args: [/server]
    readinessProbe:
      httpGet: {path: /healthz, port: 8080}
      periodSeconds: 1
      failureThreshold: 1
`;

export const webService = (extra = '') => `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]${extra}
`;

export const threeWebPods = [agnhostPod('web-a'), agnhostPod('web-b'), agnhostPod('web-c')].join('---\n');

export const join = (...docs: string[]) => docs.join('---\n');
