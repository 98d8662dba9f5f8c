/** The inspector's container view: environment and mounts. */
import type { Messages } from '../types';

const en = {
} as const;

const zh: Messages<typeof en> = {
};

export const container = { en, zh };
