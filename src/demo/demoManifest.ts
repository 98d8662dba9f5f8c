/**
 * The manifest a newcomer finds in the editor (and applied) on a first visit: a Deployment of
 * three nginx replicas with resource requests, and a ClusterIP Service in front of them.
 */
export const DEMO_MANIFEST = `# This is applied already.
# Press Play or Step (below) to watch
# the Pods start. Edit, then Apply.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - containerPort: 80
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 128Mi
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 80
`;
