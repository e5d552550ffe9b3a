import { describe, expect, it } from 'vitest'
import { sanitiseCss, sanitiseSvg } from '../../../client/exchange/sanitiseSvg'

const SVG_OPEN =
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'

/** Anything that would run script when the SVG is opened in a browser. */
function expectInert(svg: string) {
  const lower = svg.toLowerCase()
  expect(lower).not.toContain('<script')
  expect(lower).not.toMatch(/\son[a-z]+\s*=/)
  expect(lower).not.toContain('javascript:')
  expect(lower).not.toContain('<iframe')
  expect(lower).not.toContain('<embed')
  expect(lower).not.toContain('<object')
}

describe('sanitiseSvg', () => {
  it('keeps an ordinary tldraw-like export intact', () => {
    const svg =
      `${SVG_OPEN}<defs><style>@font-face{font-family:"tldraw";src:url("data:font/woff2;base64,AAAA")}</style>` +
      '<mask id="m"><rect width="10" height="10" fill="white"/></mask></defs>' +
      '<g transform="matrix(1, 0, 0, 1, 10, 20)" opacity="1"><path d="M0 0 L 10 10" stroke="#1d1d1d" mask="url(#m)"/>' +
      '<text x="5" y="5">Cocoa &amp; farmers &lt;3</text>' +
      '<image href="data:image/png;base64,iVBORw0KGgo=" width="4" height="4"/>' +
      '<use xlink:href="#m"/></g></svg>'
    expect(sanitiseSvg(svg)).toBe(svg)
  })

  it('removes script elements, with their content, in any namespace prefix and case', () => {
    const out = sanitiseSvg(
      `${SVG_OPEN}<script>alert(1)</script><svg:SCRIPT>alert(2)</svg:SCRIPT>` +
        '<script><![CDATA[alert(3)]]></script><script href="data:,alert(4)"/><g/></svg>',
    )
    expectInert(out)
    expect(out).not.toContain('alert')
    expect(out).toContain('<g/>')
  })

  it('removes event handler attributes, however they are quoted', () => {
    const out = sanitiseSvg(
      `${SVG_OPEN}<rect onload="alert(1)" ONCLICK='alert(2)' onmouseover=alert(3) width="5"/>` +
        '<g onfocusin="x" a="1>2" onerror="y"/></svg>',
    )
    expectInert(out)
    expect(out).toContain('<rect width="5"/>')
    expect(out).toContain('a="1&gt;2"')
  })

  it('removes javascript: URLs, also hidden behind entities, whitespace and case', () => {
    const out = sanitiseSvg(
      `${SVG_OPEN}<a href="javascript:alert(1)"><text>1</text></a>` +
        '<a xlink:href="JaVaScRiPt:alert(2)"><text>2</text></a>' +
        '<a href="java&#x73;cript&colon;alert(3)"><text>3</text></a>' +
        '<a href=" &#10;javascript:alert(4)"><text>4</text></a>' +
        '<a href="https://example.org/ok"><text>5</text></a></svg>',
    )
    expectInert(out)
    expect(out).toContain('<a><text>1</text></a>')
    expect(out).toContain('href="https://example.org/ok"')
  })

  it('drops external and script-capable data URLs, keeps images and fragments', () => {
    const out = sanitiseSvg(
      `${SVG_OPEN}<image href="https://tracker.example/p.png"/><use href="data:image/svg+xml,x#a"/>` +
        '<image href="data:text/html,<script>alert(1)</script>"/><use href="#a"/>' +
        '<image xlink:href="data:image/jpeg;base64,AAAA"/></svg>',
    )
    expectInert(out)
    expect(out).not.toContain('tracker.example')
    expect(out).not.toContain('data:text/html')
    expect(out).toContain('<use href="#a"/>')
    expect(out).toContain('xlink:href="data:image/jpeg;base64,AAAA"')
  })

  it('keeps foreignObject text but removes scripts, iframes and handlers inside it', () => {
    const out = sanitiseSvg(
      `${SVG_OPEN}<foreignObject width="100" height="50"><div xmlns="http://www.w3.org/1999/xhtml">` +
        '<p>Living wage</p><img src="x" onerror="alert(1)"/><iframe srcdoc="&lt;script&gt;alert(2)&lt;/script&gt;"></iframe>' +
        '<script>alert(3)</script><a href="javascript:alert(4)">x</a><form action="https://evil"><button>go</button></form>' +
        '</div></foreignObject></svg>',
    )
    expectInert(out)
    expect(out).toContain('<p>Living wage</p>')
    expect(out).not.toContain('<form')
    expect(out).not.toContain('evil')
    expect(out).toContain('<img/>')
  })

  it('removes animations that could rewrite a link or a handler', () => {
    const out = sanitiseSvg(
      `${SVG_OPEN}<a><set attributeName="href" to="javascript:alert(1)"/>` +
        '<animate attributeName="xlink:href" values="javascript:alert(2)"/>' +
        '<animate attributeName="onbegin" to="alert(3)"></animate>' +
        '<animate attributeName="opacity" from="0" to="1" dur="1s"/><text>x</text></a></svg>',
    )
    expectInert(out)
    expect(out).not.toContain('<set')
    expect(out).toContain('<animate attributeName="opacity" from="0" to="1" dur="1s"/>')
  })

  it('drops comments, DOCTYPEs with entities and processing instructions', () => {
    const out = sanitiseSvg(
      '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]>' +
        `${SVG_OPEN}<!-- <script>alert(2)</script> --><text>&x;</text><?php echo 1 ?></svg>`,
    )
    expectInert(out)
    expect(out.startsWith('<svg')).toBe(true)
    expect(out).not.toContain('<!')
    expect(out).not.toContain('<?')
  })

  it('balances what it leaves and ignores stray end tags', () => {
    expect(sanitiseSvg('<svg><g><rect/></svg></g>')).toBe('<svg><g><rect/></g></svg>')
    expect(sanitiseSvg('<svg><script>never closed')).toBe('<svg></svg>')
  })

  it('cleans style attributes and style elements', () => {
    const out = sanitiseSvg(
      `${SVG_OPEN}<style>@import url(https://evil/x.css); .a{background:url(https://evil/p.png)}` +
        ' .b{fill:red}</style><rect style="fill:url(https://evil/x);width:expression(alert(1))"/></svg>',
    )
    expect(out).not.toContain('evil')
    expect(out).not.toContain('expression')
    expect(out).toContain('.b{fill:red}')
  })
})

describe('sanitiseCss', () => {
  it('keeps data: fonts and fragment references', () => {
    const css = '@font-face{src:url("data:font/woff2;base64,AA")} .m{mask:url(#m)}'
    expect(sanitiseCss(css)).toBe(css)
  })

  it('removes escaped schemes', () => {
    expect(sanitiseCss('a{b:url(\\6a avascript:alert(1))}')).not.toMatch(/javascript|alert\(1\)\)/)
  })
})
