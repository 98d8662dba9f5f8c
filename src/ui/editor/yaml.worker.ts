// Imported with `?worker`: loading monaco-yaml's worker directly fails in dev ("module is not defined").
import 'monaco-yaml/yaml.worker.js';
