import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { href, navigate } from '../lib/router';

/** An in-app link: a real <a href> (open in new tab, copy address) that navigates without reloading. */
export function Link({ to, children, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    rest.onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a {...rest} href={href(to)} onClick={onClick}>{children}</a>;
}
