/** Classroom: presentation mode, share links, session files, cluster settings, empty state. */
import type { Messages } from '../types';

const en = {
} as const;

const zh: Messages<typeof en> = {
};

export const classroom = { en, zh };
