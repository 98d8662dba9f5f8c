/**
 * InterPodAffinity: places pods near (affinity) or away from (anti-affinity) other pods, per
 * topology domain. upstream: pkg/scheduler/framework/plugins/interpodaffinity
 */
export const name = 'InterPodAffinity';
export const weight = 2;

export {
  preFilter, filter, ERR_REASON_AFFINITY_RULES_NOT_MATCH, ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH,
  ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH,
} from './filtering';
export { preScore, score, normalize } from './scoring';
