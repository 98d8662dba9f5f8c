/** The namespace picker and grouping. */
import type { Messages } from '../types';

const en = {
} as const;

const zh: Messages<typeof en> = {
};

export const namespaces = { en, zh };
