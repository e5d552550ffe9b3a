/**
 * A browser as far as sign-in needs one, over fetch: follows redirects one hop at a time
 * (so a test sees every stop of the chain) and keeps cookies per host with their paths,
 * lifetimes and deletions, as a browser would.
 */

interface StoredCookie {
  value: string
  path: string
}

/** One stop of a followed redirect chain. */
export interface Hop {
  url: string
  status: number
}

export class TestBrowser {
  /** Cookies by host (`127.0.0.1:port`), then by name. */
  private readonly jar = new Map<string, Map<string, StoredCookie>>()

  constructor(private readonly headers: Record<string, string> = {}) {}

  /** The value of a cookie this browser holds for `url`'s host, or undefined. */
  cookie(url: string, name: string): string | undefined {
    return this.jar.get(new URL(url).host)?.get(name)?.value
  }

  /** Sets a cookie as if the server had (e.g. a forged one). */
  setCookie(url: string, name: string, value: string): void {
    this.cookiesOf(new URL(url).host).set(name, { value, path: '/' })
  }

  /** One request, no redirect followed; cookies sent and stored. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url)
    const cookies = [...this.cookiesOf(target.host)]
      .filter(([, cookie]) => target.pathname.startsWith(cookie.path))
      .map(([name, cookie]) => `${name}=${cookie.value}`)
    const headers = new Headers({ ...this.headers, ...(init.headers as Record<string, string>) })
    if (cookies.length > 0) headers.set('cookie', cookies.join('; '))
    const response = await fetch(url, { ...init, headers, redirect: 'manual' })
    for (const line of response.headers.getSetCookie()) this.store(target.host, line)
    return response
  }

  /**
   * Requests `url` and follows redirects (as GETs after a 303, as browsers do) until an
   * answer that is not one; `hops` lists every stop, the final one included.
   */
  async follow(url: string, init: RequestInit = {}): Promise<{ response: Response; hops: Hop[] }> {
    const hops: Hop[] = []
    let current = url
    let response = await this.request(current, init)
    for (let hop = 0; hop < 20; hop++) {
      hops.push({ url: current, status: response.status })
      const location = response.headers.get('location')
      if (response.status < 300 || response.status >= 400 || location === null) {
        return { response, hops }
      }
      await response.arrayBuffer()
      current = new URL(location, current).href
      response = await this.request(current)
    }
    throw new Error(`too many redirects: ${hops.map((h) => h.url).join(' → ')}`)
  }

  private cookiesOf(host: string): Map<string, StoredCookie> {
    let cookies = this.jar.get(host)
    if (cookies === undefined) this.jar.set(host, (cookies = new Map()))
    return cookies
  }

  private store(host: string, line: string): void {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim())
    const separator = pair.indexOf('=')
    const name = pair.slice(0, separator)
    const value = pair.slice(separator + 1)
    let path = '/'
    let expired = false
    for (const attribute of attributes) {
      const [key = '', attributeValue = ''] = attribute.split('=')
      if (key.toLowerCase() === 'path') path = attributeValue
      if (key.toLowerCase() === 'max-age' && Number(attributeValue) <= 0) expired = true
      if (key.toLowerCase() === 'expires' && Date.parse(attributeValue) <= Date.now()) {
        expired = true
      }
    }
    if (expired) this.cookiesOf(host).delete(name)
    else this.cookiesOf(host).set(name, { value, path })
  }
}
