import { useState } from 'react';
import { shareUrl } from '../../share/link';
import { useT } from '../../i18n/useT';
import { usePlayground } from '../../store';
import { Button } from '../common/Button';
import { Dialog } from './Dialog';
import { copyText } from './download';
import { ShareIcon } from './icons';

interface Shared {
  url: string;
  copied: boolean;
  step: number;
}

/**
 * "Share": a link to this moment — the manifests and commands, the cluster settings and the
 * timeline position, compressed into the URL's fragment — copied to the clipboard and shown.
 */
export function ShareButton() {
  const [shared, setShared] = useState<Shared | null>(null);
  const t = useT();
  const share = async () => {
    const session = usePlayground.getState().captureSession();
    const url = shareUrl(window.location.href, session);
    setShared({ url, copied: await copyText(url), step: session.cursor });
  };
  return (
    <>
      <Button onClick={() => void share()} aria-haspopup="dialog" className="whitespace-nowrap" title={t('classroom.shareHint')}>
        <ShareIcon />
        {t('classroom.share')}
      </Button>
      {shared && <ShareDialog shared={shared} onClose={() => setShared(null)} />}
    </>
  );
}

function ShareDialog({ shared, onClose }: { shared: Shared; onClose(): void }) {
  const [copied, setCopied] = useState(shared.copied);
  const t = useT();
  return (
    <Dialog title={t('classroom.shareTitle')} onClose={onClose} className="w-[min(560px,calc(100vw-2rem))]">
      <p role="status" className="text-[14px] font-medium text-slate-900">
        {copied ? t('classroom.linkCopied') : t('classroom.copyBelow')}
      </p>
      <p className="mt-1 text-[13px] text-slate-600">{t('classroom.shareExplain', { step: shared.step })}</p>
      <label className="mt-3 block text-[12px] font-medium text-slate-700">
        {t('classroom.shareLink')}
        <input
          readOnly
          translate="no"
          value={shared.url}
          onFocus={(e) => e.currentTarget.select()}
          className="mt-1 block w-full rounded-md bg-slate-50 px-2 py-1.5 font-mono text-[12px] text-slate-800 ring-1 ring-inset ring-slate-300"
        />
      </label>
      <p className="mt-1 text-[12px] text-slate-500">{t('classroom.linkLength', { count: shared.url.length.toLocaleString('en') })}</p>
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={async () => setCopied(await copyText(shared.url))}>{t('classroom.copyLink')}</Button>
        <Button variant="primary" onClick={onClose} autoFocus>{t('classroom.done')}</Button>
      </div>
    </Dialog>
  );
}
