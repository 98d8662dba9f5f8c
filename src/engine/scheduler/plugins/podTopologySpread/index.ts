/**
 * PodTopologySpread: spreads pods matching a selector across topology domains (hostname, zone, …).
 * upstream: pkg/scheduler/framework/plugins/podtopologyspread
 */
export const name = 'PodTopologySpread';
export const weight = 2;

export { preFilter, filter, ERR_REASON_CONSTRAINTS_NOT_MATCH, ERR_REASON_NODE_LABEL_NOT_MATCH } from './filtering';
export { preScore, score, normalize } from './scoring';
