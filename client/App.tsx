import { Suspense, lazy, useEffect, useState } from 'react'
import type { ClientConfig } from '../shared/protocol/api'
import { fetchClientConfig } from './config/apiClient'
import { HomePage } from './home/HomePage'
import { useTranslation } from './i18n/useTranslation'
import { startMapRequest } from './map/mapRequest'
import { type Route, routeFromPath } from './navigation'

// The canvas (tldraw and all that is drawn on it) is most of the JavaScript: the home page
// does without it, and a map link starts fetching it at once, alongside the server settings
// and the map's own metadata.
const loadMapPage = () => import('./map/MapPage')
const MapPage = lazy(() => loadMapPage().then((module) => ({ default: module.MapPage })))
const firstRoute = routeFromPath(window.location.pathname)
if (firstRoute.page === 'map') {
  void loadMapPage()
  startMapRequest(firstRoute.mapId)
}

/** Top-level component: picks the page from the address bar. */
export function App() {
  const { locale } = useTranslation()
  const [route, setRoute] = useState<Route>(() => routeFromPath(window.location.pathname))
  const [config, setConfig] = useState<ClientConfig | null>(null)

  useEffect(() => {
    const onPopState = () => setRoute(routeFromPath(window.location.pathname))
    window.addEventListener('popstate', onPopState)
    return () => window.removeEventListener('popstate', onPopState)
  }, [])

  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])

  useEffect(() => {
    // Without the server's settings the app still works (no licence key: fine on localhost).
    fetchClientConfig().then(setConfig, () => setConfig({ tldrawLicenseKey: null }))
  }, [])

  if (route.page === 'home') return <HomePage />
  if (!config) return null
  return (
    <Suspense fallback={null}>
      <MapPage key={route.mapId} mapId={route.mapId} config={config} />
    </Suspense>
  )
}
