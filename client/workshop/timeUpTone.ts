/**
 * The tone at zero, made with the Web Audio API (no sound file to load). Browsers let a page
 * make sound only after the person has clicked or typed in it, so the audio context is
 * created on the first such gesture and the tone plays only once it is running; a screen
 * nobody has touched (a projector left alone) stays silent and shows the visual signal only.
 */

let context: AudioContext | null = null

function unlockAudio() {
  try {
    context ??= new AudioContext()
    if (context.state === 'suspended') void context.resume()
  } catch {
    // No Web Audio here: the visual signal is all there is.
  }
}

/** Prepares the tone on this page's next click or key press (adding the same listener again is a no-op). */
export function prepareTimeUpTone(): void {
  for (const type of ['pointerdown', 'keydown'] as const) {
    window.addEventListener(type, unlockAudio, { capture: true })
  }
}

/** Three short rising beeps; false when the browser does not let this page sound yet. */
export function playTimeUpTone(): boolean {
  if (!context || context.state !== 'running') return false
  const start = context.currentTime + 0.05
  ;[660, 880, 1100].forEach((frequency, index) => {
    const at = start + index * 0.35
    const oscillator = context!.createOscillator()
    const gain = context!.createGain()
    oscillator.type = 'sine'
    oscillator.frequency.value = frequency
    // A quick fade in and out: a hard start or stop clicks.
    gain.gain.setValueAtTime(0, at)
    gain.gain.linearRampToValueAtTime(0.3, at + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.001, at + 0.3)
    oscillator.connect(gain).connect(context!.destination)
    oscillator.start(at)
    oscillator.stop(at + 0.32)
  })
  return true
}
