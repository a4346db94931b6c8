import type { ReactElement } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { i18n } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';

type Options = {
  /** The URL the test starts at, e.g. `/scuole?province=AN`. */
  route?: string;
  /** The route pattern `ui` is mounted at, so `useParams` works, e.g. `/scuole/:code`. */
  path?: string;
  /** Child routes rendered in `ui`'s `<Outlet />`, e.g. a page inside the layout. */
  children?: RouteObject[];
  /** Sibling routes, e.g. the targets of links. */
  routes?: RouteObject[];
};

// Spelled out because the package is type-checked with declarations (`tsc -b`, composite): the
// inferred type names a module of pretty-format inside pnpm's store, which a declaration cannot.
type Rendered = RenderResult & { router: ReturnType<typeof createMemoryRouter>; queryClient: QueryClient };

/**
 * The app's QueryClient (so an expired session is handled as in the app) without retries and
 * with nothing shared between tests; Italian texts.
 */
function renderRouter(routeObjects: RouteObject[], route: string): Rendered {
  void i18n.changeLanguage('it');
  const queryClient = createQueryClient({ queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } });
  const router = createMemoryRouter(routeObjects, { initialEntries: [route] });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <RouterProvider router={router} />
      </I18nextProvider>
    </QueryClientProvider>,
  );
  return { ...result, router, queryClient };
}

/** One component in a memory router. */
export function renderWithProviders(
  ui: ReactElement,
  { route = '/', path = '*', children, routes = [] }: Options = {},
): Rendered {
  return renderRouter([{ path, element: ui, ...(children ? { children } : {}) }, ...routes], route);
}

/** A whole route tree, e.g. the app's own `routes`, for guard and navigation tests. */
export function renderRoutes(routeObjects: RouteObject[], { route = '/' }: { route?: string } = {}): Rendered {
  return renderRouter(routeObjects, route);
}
