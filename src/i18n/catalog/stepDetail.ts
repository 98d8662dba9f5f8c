/** The Step detail pane: what a Step did, why, and the objects it changed. */
import type { Messages } from '../types';

const en = {
} as const;

const zh: Messages<typeof en> = {
};

export const stepDetail = { en, zh };
