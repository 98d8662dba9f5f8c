/** The rollout panel and chart. */
import type { Messages } from '../types';

const en = {
} as const;

const zh: Messages<typeof en> = {
};

export const rollout = { en, zh };
