import { lazy, Suspense, useEffect, useRef } from 'react';
import { Link } from './components/Link';
import { Loading } from './components/States';
import { useRoute } from './lib/router';
import { Dashboard } from './pages/Dashboard';
import { Screen } from './pages/Screen';
import { EntityPage } from './pages/Entity';
import { Lists } from './pages/Lists';

// The heavy pages (map, chart, graph) load their code when first opened.
const Timeline = lazy(() => import('./pages/Timeline').then((m) => ({ default: m.Timeline })));
const Maritime = lazy(() => import('./pages/Maritime').then((m) => ({ default: m.Maritime })));
const Gaps = lazy(() => import('./pages/Gaps').then((m) => ({ default: m.Gaps })));

const NAV: [string, string][] = [['/', 'Dashboard'], ['/screen', 'Screen'], ['/timeline', 'Timeline'], ['/maritime', 'Maritime'], ['/gaps', 'Gaps'], ['/lists', 'Lists']];

function Page({ path }: { path: string }) {
  if (path === '/') return <Dashboard />;
  if (path === '/screen') return <Screen />;
  if (path.startsWith('/entity/')) return <EntityPage id={decodeURIComponent(path.slice('/entity/'.length))} />;
  if (path === '/timeline') return <Timeline />;
  if (path === '/maritime') return <Maritime />;
  if (path === '/gaps') return <Gaps />;
  if (path === '/lists') return <Lists />;
  return <div className="state empty"><strong>No page at {path}.</strong> <Link to="/">Go to the dashboard</Link>.</div>;
}

export function App() {
  const { path } = useRoute();
  const main = useRef<HTMLElement>(null);
  const section = NAV.find(([p]) => p !== '/' && path.startsWith(p))?.[0] ?? (path === '/' ? '/' : '');
  useEffect(() => {
    const title = NAV.find(([p]) => p === section)?.[1] ?? (path.startsWith('/entity/') ? 'Entity' : '');
    document.title = title ? `${title} · Chokepoint` : 'Chokepoint';
  }, [path, section]);
  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="top">
        <Link to="/" className="brand" aria-label="Chokepoint dashboard">Chokepoint</Link>
        <nav aria-label="Pages">
          {NAV.map(([p, name]) => <Link key={p} to={p} aria-current={section === p ? 'page' : undefined}>{name}</Link>)}
          <a href="/docs" className="api-link">API</a>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<Loading what="the page" height={400} />}>
          <Page path={path} />
        </Suspense>
      </main>
    </>
  );
}
