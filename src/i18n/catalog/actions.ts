/** The inspector's actions: scale, rollout, suspend, delete, command output. */
import type { Messages } from '../types';

const en = {
} as const;

const zh: Messages<typeof en> = {
};

export const actions = { en, zh };
