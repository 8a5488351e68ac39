import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { Layout } from './layout';
import { NotFoundPage } from './routes/not-found';

// Every page is its own chunk; the shell (layout, header, legend dialog) is all the first load needs.
const WizardPage = lazy(() =>
  import('../features/wizard/components/WizardPage').then((m) => ({ default: m.WizardPage })),
);
const ResultsPage = lazy(() =>
  import('../features/results/components/ResultsPage').then((m) => ({ default: m.ResultsPage })),
);
const ComparePage = lazy(() =>
  import('../features/compare/components/ComparePage').then((m) => ({ default: m.ComparePage })),
);
const MethodsIndexPage = lazy(() =>
  import('../features/methods/components/MethodsIndexPage').then((m) => ({ default: m.MethodsIndexPage })),
);
const MethodPage = lazy(() =>
  import('../features/methods/components/MethodPage').then((m) => ({ default: m.MethodPage })),
);
const LegendPage = lazy(() =>
  import('../features/legend/components/LegendPage').then((m) => ({ default: m.LegendPage })),
);
const BenchmarksPage = lazy(() =>
  import('../features/benchmarks/components/BenchmarksPage').then((m) => ({ default: m.BenchmarksPage })),
);
const CollectPage = lazy(() =>
  import('../features/collect/components/CollectPage').then((m) => ({ default: m.CollectPage })),
);

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { path: '/', element: <WizardPage /> },
      { path: '/results', element: <ResultsPage /> },
      { path: '/compare', element: <ComparePage /> },
      { path: '/methods', element: <MethodsIndexPage /> },
      { path: '/methods/:id', element: <MethodPage /> },
      { path: '/legend', element: <LegendPage /> },
      { path: '/benchmarks', element: <BenchmarksPage /> },
      { path: '/collect', element: <CollectPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
