/**
 * A TCP proxy standing for a network that can go away: `cut` stops passing bytes either way
 * through every connection, without closing anything, as a pulled cable or a closed laptop
 * lid does. Neither end hears of it; only a keepalive can tell.
 */
import net from 'node:net'

/** A running proxy to one port. */
export interface NetworkCutProxy {
  port: number
  cut(): void
  close(): void
}

/** Starts a proxy on a free port of 127.0.0.1 to `port` there. */
export async function startNetworkCutProxy(port: number): Promise<NetworkCutProxy> {
  const pairs: [net.Socket, net.Socket][] = []
  const proxy = net.createServer((client) => {
    const upstream = net.connect(port, '127.0.0.1')
    client.pipe(upstream)
    upstream.pipe(client)
    for (const socket of [client, upstream]) socket.on('error', () => undefined)
    pairs.push([client, upstream])
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  return {
    port: (proxy.address() as net.AddressInfo).port,
    cut() {
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream)
        upstream.unpipe(client)
        client.pause()
        upstream.pause()
      }
    },
    close() {
      for (const pair of pairs) for (const socket of pair) socket.destroy()
      proxy.close()
    },
  }
}
