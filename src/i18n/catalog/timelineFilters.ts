/** The timeline's filters, grouping and tabs. */
import type { Messages } from '../types';

const en = {
} as const;

const zh: Messages<typeof en> = {
};

export const timelineFilters = { en, zh };
