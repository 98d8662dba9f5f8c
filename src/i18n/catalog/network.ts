/** The networking panels: traffic, kube-proxy rules, DNS, top. */
import type { Messages } from '../types';

const en = {
} as const;

const zh: Messages<typeof en> = {
};

export const network = { en, zh };
