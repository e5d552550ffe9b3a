import { describe, expect, it } from 'vitest'
import { escapeHtml } from '../../../shared/report/escapeHtml'

describe('escapeHtml', () => {
  it('escapes a script tag', () => {
    expect(escapeHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('escapes both quotes, so a value cannot leave its attribute', () => {
    expect(escapeHtml(`" onload="x' y'`)).toBe('&quot; onload=&quot;x&#39; y&#39;')
  })

  it('escapes ampersands first, so entities are not doubled or smuggled', () => {
    expect(escapeHtml('AT&T &lt;b&gt;')).toBe('AT&amp;T &amp;lt;b&amp;gt;')
  })

  it('leaves other text, accents and emoji alone', () => {
    expect(escapeHtml('Coöperatie Ɔdɔ 😟')).toBe('Coöperatie Ɔdɔ 😟')
  })
})
