/** Small line icons for the classroom controls (16×16, current colour). */

/** A square button showing only its icon; its name is in aria-label and its tooltip. */
export const ICON_ONLY = 'h-[30px] w-[30px] justify-center px-0!';

function Icon({ d }: { d: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
      <path d={d} />
    </svg>
  );
}

export const ShareIcon = () => <Icon d="M6.5 9.5l3-3M7 4.5l1-1a2.5 2.5 0 0 1 3.5 3.5l-1 1M9 11.5l-1 1a2.5 2.5 0 0 1-3.5-3.5l1-1" />;
export const ExportIcon = () => <Icon d="M8 2v8M5 7l3 3 3-3M3 11.5v2h10v-2" />;
export const ImportIcon = () => <Icon d="M8 10V2M5 5l3-3 3 3M3 11.5v2h10v-2" />;
export const SettingsIcon = () => <Icon d="M3 4h6M12 4h1M3 8h2M8 8h5M3 12h7M13 12h0M10.5 2.5v3M6.5 6.5v3M11.5 10.5v3" />;
export const PresentIcon = () => <Icon d="M2 2.5h12v8H2zM8 10.5v3M5.5 13.5h5M6.5 5l3 1.5-3 1.5z" />;
