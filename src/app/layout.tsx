import { Suspense, useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { LegendButton } from '../components/LegendButton';
import { Loading } from '../components/QueryStatus';
import { useLastResults } from '../lib/last-results';
import { comparePath } from '../lib/paths';

const NAV = [
  { to: '/', label: 'Advisor', end: true },
  { to: '/compare', label: 'Compare' },
  { to: '/methods', label: 'Methods' },
  { to: '/benchmarks', label: 'Benchmarks' },
  { to: '/collect', label: 'Collect' },
  { to: '/legend', label: 'Legend' },
];

export function Layout() {
  const location = useLocation();
  // The menu's Compare keeps the answers (and top methods) of the last recommendation shown.
  const last = useLastResults((s) => s.last);
  const compareTo = last ? comparePath(last.methods, last.answers) : '/compare';
  // On a phone the menu is a strip that scrolls sideways: centre the current page's link in it. Only the
  // strip scrolls (scrollIntoView could move the page too); where nothing overflows this does nothing.
  const nav = useRef<HTMLElement>(null);
  useEffect(() => {
    const strip = nav.current;
    const link = strip?.querySelector<HTMLElement>('a.active');
    if (!strip || !link || strip.scrollWidth <= strip.clientWidth) return;
    const l = link.getBoundingClientRect();
    const r = strip.getBoundingClientRect();
    strip.scrollLeft += l.left + l.width / 2 - (r.left + r.width / 2);
  }, [location.pathname]);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="header-inner">
          <NavLink to="/" className="brand" aria-label="kcomm home">
            <span className="brand-mark" aria-hidden="true">
              k⇅u
            </span>
            <span className="brand-name">kcomm</span>
          </NavLink>
          <nav aria-label="Main" ref={nav}>
            <ul>
              {NAV.map((n) => (
                <li key={n.to}>
                  <NavLink
                    to={n.to === '/compare' ? compareTo : n.to}
                    end={n.end}
                    className={({ isActive }) =>
                      isActive || (n.to === '/' && location.pathname === '/results') ? 'active' : undefined
                    }
                  >
                    {n.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <LegendButton />
        </div>
      </header>
      <main id="main" className="app-main">
        <Suspense fallback={<Loading what="the page" />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="app-footer">
        kcomm — how a Linux kernel module should talk to user space. Ratings cite kernel documentation; numbers come
        from the reference modules.
      </footer>
    </div>
  );
}
