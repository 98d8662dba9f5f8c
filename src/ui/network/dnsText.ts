/** A DNS lookup's tried names in words, in the UI's language (pure: no React). */
import type { TriedName } from '../../projections/networkDns';
import { englishT, type Translate } from '../../i18n/translate';

/** `NOERROR, 1 answer`, `NOERROR, no A record`, `NXDOMAIN`: the rcode as dig prints it, the rest in `t`'s language. */
export function triedText(tried: TriedName, type: string, t: Translate = englishT): string {
  if (tried.rcode === 'NXDOMAIN') return tried.rcode;
  return tried.answers > 0 ? t('network.dnsAnswers', { rcode: tried.rcode, count: tried.answers })
    : t('network.dnsNoRecord', { rcode: tried.rcode, type });
}
