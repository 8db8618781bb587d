import { useEffect, useRef, useState } from 'react';

/** Renders an Observable Plot figure at the container's width (re-drawn when it changes); nothing shifts: the height is reserved. */
export function PlotFigure({ make, height, deps, label }: {
  make: (width: number) => (SVGSVGElement | HTMLElement) | null;
  height: number;
  deps: unknown[];
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = box.current!;
    const ro = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth)));
    ro.observe(el);
    setWidth(Math.floor(el.clientWidth));
    return () => ro.disconnect();
  }, []);
  useEffect(() => {
    const el = box.current!;
    if (!width) return;
    const fig = make(width);
    el.replaceChildren(...(fig ? [fig] : []));
    return () => fig?.remove();
  }, [width, ...deps]);
  return <div ref={box} className="plot" role="img" aria-label={label} style={{ minHeight: height }} />;
}
