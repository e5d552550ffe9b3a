/**
 * Encodes each outgoing sync or awareness update once, however many peers it goes to. The room hands the
 * same update object to every peer of a broadcast; the cache is keyed by that object (weakly,
 * so a broadcast's frame is garbage once the update is). One cache per transport: no
 * module-level state.
 */
import { writeMessage } from './wireFormat'

/** Memoised update and awareness frames, shared by the connections of one transport. */
export class UpdateFrameCache {
  private readonly updates = new WeakMap<Uint8Array, Uint8Array>()
  private readonly awareness = new WeakMap<Uint8Array, Uint8Array>()

  /** The binary frame carrying `update` as a sync update message. */
  frameFor(update: Uint8Array): Uint8Array {
    return this.memoise(this.updates, update, () => writeMessage({ type: 'update', update }))
  }

  /** The binary frame carrying an awareness update (cursor moves go to everyone too). */
  awarenessFrameFor(update: Uint8Array): Uint8Array {
    return this.memoise(this.awareness, update, () => writeMessage({ type: 'awareness', update }))
  }

  private memoise(
    cache: WeakMap<Uint8Array, Uint8Array>,
    key: Uint8Array,
    encode: () => Uint8Array,
  ): Uint8Array {
    let frame = cache.get(key)
    if (!frame) {
      frame = encode()
      cache.set(key, frame)
    }
    return frame
  }
}
