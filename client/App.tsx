import { useEffect, useState } from 'react'
import type { ClientConfig } from '../shared/protocol/api'
import { fetchClientConfig } from './config/apiClient'
import { HomePage } from './home/HomePage'
import { useTranslation } from './i18n/useTranslation'
import { MapPage } from './map/MapPage'
import { type Route, routeFromPath } from './navigation'

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
  return <MapPage key={route.mapId} mapId={route.mapId} config={config} />
}
