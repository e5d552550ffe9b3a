/**
 * The deployment files a host uses: compose.yaml parses and wires a SQLite node and a cluster
 * profile (PostgreSQL, Redis, two nodes, nginx), nginx's configuration passes `nginx -t` with
 * its WebSocket settings, the systemd unit runs the compiled server, `.env.example` names
 * every setting the server reads, and the Dockerfile is multi-stage, non-root, with a
 * healthcheck and the data volume. Where a Docker daemon runs, the image is built and started.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { CONFIG_SETTINGS } from '../../server/config'

const root = path.resolve(import.meta.dirname, '../..')
const read = (file: string) => readFileSync(path.join(root, file), 'utf8')

interface ComposeService {
  image?: string
  build?: unknown
  profiles?: string[]
  environment?: Record<string, string>
  ports?: string[]
  volumes?: string[]
  depends_on?: unknown
}

const compose = parse(read('compose.yaml'), { merge: true }) as {
  services: Record<string, ComposeService>
  volumes: Record<string, unknown>
}

const dockerRuns = spawnSync('docker', ['info'], { timeout: 10_000 }).status === 0
const nginxPath = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((file) => existsSync(file))

describe('packaging', () => {
  it('compose.yaml runs one SQLite node by default, on a volume', () => {
    const app = compose.services['app']
    expect(app?.profiles).toBeUndefined()
    expect(app?.build).toBe('.')
    expect(app?.ports).toEqual(['8080:8080'])
    expect(app?.environment?.['DATA_DIR']).toBe('/data')
    expect(app?.volumes).toEqual(['canvas-data:/data'])
    expect(app?.environment?.['DATABASE_URL']).toBeUndefined()
  })

  it('its cluster profile runs PostgreSQL, Redis and two nodes behind nginx', () => {
    const inCluster = Object.entries(compose.services)
      .filter(([, service]) => service.profiles?.includes('cluster'))
      .map(([name]) => name)
    expect(inCluster.sort()).toEqual(['app-1', 'app-2', 'postgres', 'proxy', 'redis'])
    const nodes = ['app-1', 'app-2'].map((name) => compose.services[name])
    for (const node of nodes) {
      expect(node?.environment?.['DATABASE_URL']).toMatch(/^postgres:\/\/.*@postgres:5432\//)
      expect(node?.environment?.['REDIS_URL']).toBe('redis://redis:6379')
    }
    expect(new Set(nodes.map((node) => node?.environment?.['NODE_ID'])).size).toBe(2)
    expect(compose.services['proxy']?.volumes).toEqual([
      './deploy/nginx.conf:/etc/nginx/nginx.conf:ro',
    ])
    const upstreams = [...read('deploy/nginx.conf').matchAll(/server (app-\d):8080;/g)].map(
      (m) => m[1],
    )
    expect(upstreams).toEqual(['app-1', 'app-2'])
  })

  it.skipIf(nginxPath === undefined)(
    'nginx accepts deploy/nginx.conf, with the WebSocket upgrade',
    () => {
      const conf = read('deploy/nginx.conf')
      expect(conf).toMatch(/proxy_set_header Upgrade \$http_upgrade;/)
      expect(conf).toMatch(/proxy_set_header Connection \$connection_upgrade;/)
      expect(conf).toMatch(/proxy_http_version 1\.1;/)
      // The server compares a browser's Origin with Host, port included.
      expect(conf).not.toMatch(/Host \$host;/)
      const dir = mkdtempSync(path.join(os.tmpdir(), 'stakeholder-canvas-nginx-'))
      try {
        // Outside compose the node names do not resolve; everything else is checked as it is.
        const local = conf
          .replace(/server app-\d:8080;/g, 'server 127.0.0.1:8080;')
          .replace(
            'worker_processes auto;',
            `worker_processes auto;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;`,
          )
        writeFileSync(path.join(dir, 'nginx.conf'), local)
        const result = spawnSync(
          nginxPath!,
          ['-t', '-c', path.join(dir, 'nginx.conf'), '-p', dir],
          {
            encoding: 'utf8',
          },
        )
        expect(result.stderr).toContain('test is successful')
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  )

  it('.env.example names every setting the server reads, with its default', () => {
    const example = read('.env.example')
    for (const setting of CONFIG_SETTINGS) {
      const line = example.split('\n').find((l) => l.startsWith(`# ${setting.name}=`))
      expect(line, `.env.example has no line for ${setting.name}`).toBeDefined()
      const value = setting.default.startsWith('(') ? '' : setting.default
      expect(line).toBe(`# ${setting.name}=${value}`)
    }
  })

  it('the systemd unit runs the compiled server as its own user, stopping with SIGTERM', () => {
    const unit = read('deploy/stakeholder-canvas.service')
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/node dist\/server\/main\.js$/m)
    expect(unit).toMatch(/^User=stakeholder-canvas$/m)
    expect(unit).toMatch(/^KillSignal=SIGTERM$/m)
    expect(unit).toMatch(/^Environment=DATA_DIR=\/var\/lib\/stakeholder-canvas$/m)
    expect(unit).toMatch(/^StateDirectory=stakeholder-canvas$/m)
    const analyze = spawnSync(
      'systemd-analyze',
      ['verify', path.join(root, 'deploy/stakeholder-canvas.service')],
      {
        encoding: 'utf8',
      },
    )
    if (analyze.error === undefined) {
      // Only the user and paths of a real install may be missing here.
      expect(analyze.stderr.split('\n').filter((l) => /error|invalid|unknown/i.test(l))).toEqual([])
    }
  })

  it('the Dockerfile is multi-stage, runs as a non-root user with a healthcheck and a data volume', () => {
    const dockerfile = read('Dockerfile')
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2)
    expect(dockerfile).toMatch(/^USER node$/m)
    expect(dockerfile).toMatch(/^VOLUME \["\/data"\]$/m)
    expect(dockerfile).toMatch(/DATA_DIR=\/data/)
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/healthz/m)
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/server\/main\.js"\]$/m)
    expect(read('.dockerignore')).toMatch(/^node_modules$/m)
  })

  it('has a LICENSE the README and package.json name', () => {
    expect(read('LICENSE')).toContain('Apache License')
    expect(read('LICENSE')).toContain('Version 2.0, January 2004')
    expect((JSON.parse(read('package.json')) as { license: string }).license).toBe('Apache-2.0')
    expect(read('README.md')).toContain('Apache License 2.0')
  })

  it.skipIf(!dockerRuns)(
    'builds the image and serves /healthz from it',
    { timeout: 900_000 },
    () => {
      execFileSync('docker', ['build', '-t', 'stakeholder-canvas:test', '.'], {
        cwd: root,
        stdio: 'inherit',
      })
      const id = execFileSync('docker', ['run', '-d', '-P', 'stakeholder-canvas:test'], {
        encoding: 'utf8',
      }).trim()
      try {
        const port = execFileSync('docker', ['port', id, '8080'], { encoding: 'utf8' })
          .split(':')
          .pop()
          ?.trim()
        const user = execFileSync('docker', ['exec', id, 'id', '-u'], { encoding: 'utf8' }).trim()
        expect(user).not.toBe('0')
        let status = 0
        for (let i = 0; i < 30 && status !== 200; i++) {
          status = Number(
            spawnSync(
              'curl',
              ['-s', '-o', '/dev/null', '-w', '%{http_code}', `http://127.0.0.1:${port}/healthz`],
              {
                encoding: 'utf8',
              },
            ).stdout,
          )
          if (status !== 200) spawnSync('sleep', ['1'])
        }
        expect(status).toBe(200)
      } finally {
        spawnSync('docker', ['rm', '-f', id])
      }
    },
  )
})
