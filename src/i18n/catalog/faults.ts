/** Faults and actions on demand: the context menu and its forms. */
import type { Messages } from '../types';

const en = {
} as const;

const zh: Messages<typeof en> = {
};

export const faults = { en, zh };
