import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

const OVERSCAN = 8;

/**
 * A fixed-row-height window over a long list: which rows to render for the scroll position and
 * height of the scrolling element, and a way to bring one row into view (only if it is not).
 */
export function useVirtualWindow(count: number, rowHeight: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setHeight(el.clientHeight);
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onScroll = () => setScrollTop(el.scrollTop);
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, []);

  const scrollIntoView = useCallback((index: number) => {
    const el = ref.current;
    if (!el || index < 0) return;
    const top = index * rowHeight;
    const bottom = top + rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight;
    setScrollTop(el.scrollTop);
  }, [rowHeight]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(count - 1, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  return { ref, first, last, totalHeight: count * rowHeight, scrollIntoView };
}
