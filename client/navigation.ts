/** The app's two routes, read from and written to the address bar without a router library. */
export type Route = { page: 'home' } | { page: 'map'; mapId: string }

/** The route for a path; anything unknown is the home page. */
export function routeFromPath(pathname: string): Route {
  const match = /^\/m\/([^/]+)\/?$/.exec(pathname)
  return match?.[1] ? { page: 'map', mapId: decodeURIComponent(match[1]) } : { page: 'home' }
}

/** The shareable path of a map. */
export function mapPath(mapId: string): string {
  return `/m/${encodeURIComponent(mapId)}`
}

/** Navigates inside the app and tells the app to re-render. */
export function navigate(path: string) {
  window.history.pushState(null, '', path)
  window.dispatchEvent(new PopStateEvent('popstate'))
}
