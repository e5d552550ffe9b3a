/**
 * Shows the report HTML ready to print. A new window (from a blob URL, so it is the app's
 * origin and can be told to print) is the nicest: the user sees the report and can print it
 * again. When a popup blocker refuses the window, a hidden iframe prints it from this page.
 * The report itself has no scripts and a CSP that forbids them; printing is done from here.
 */
export function openReport(html: string): 'window' | 'iframe' {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }))
  const opened = window.open(url, '_blank')
  if (opened) {
    opened.addEventListener('load', () => opened.print(), { once: true })
    // The window keeps its document after the URL is released; give it time to load.
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
    return 'window'
  }
  URL.revokeObjectURL(url)
  const frame = document.createElement('iframe')
  frame.setAttribute('aria-hidden', 'true')
  frame.style.position = 'fixed'
  frame.style.width = '0'
  frame.style.height = '0'
  frame.style.border = '0'
  frame.srcdoc = html
  frame.addEventListener(
    'load',
    () => {
      frame.contentWindow?.print()
      setTimeout(() => frame.remove(), 60_000)
    },
    { once: true },
  )
  document.body.append(frame)
  return 'iframe'
}
