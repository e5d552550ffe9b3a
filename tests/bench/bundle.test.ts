import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runBundleBench } from '../../bench/runBundleBench'

const distDir = path.resolve(import.meta.dirname, '../../dist/client')

describe('the built client', () => {
  it('loads the canvas only for a map, and report and export code only when used', () => {
    if (!existsSync(path.join(distDir, '.vite/manifest.json'))) {
      throw new Error('no build with a manifest in dist/client: run `npx vite build` first')
    }
    const bundle = runBundleBench(distDir)
    expect(bundle.home.packages).toContain('react-dom')
    expect(bundle.home.packages).not.toContain('tldraw')
    expect(bundle.home.packages).not.toContain('@tldraw/editor')
    expect(bundle.map.packages).toContain('tldraw')
    expect(bundle.home.onDemandCode).toEqual([])
    expect(bundle.map.onDemandCode).toEqual([])
    expect(bundle.onDemandChunks.length).toBeGreaterThan(0)
  })
})
