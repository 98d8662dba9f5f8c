/** The HorizontalPodAutoscaler panel. */
import type { Messages } from '../types';

const en = {
} as const;

const zh: Messages<typeof en> = {
};

export const hpa = { en, zh };
