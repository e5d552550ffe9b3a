/**
 * Encodes each outgoing sync update once, however many peers it goes to. The room hands the
 * same update object to every peer of a broadcast; the cache is keyed by that object (weakly,
 * so a broadcast's frame is garbage once the update is). One cache per transport: no
 * module-level state.
 */
import { encodeServerMessage } from './encodeServerMessage'

/** Memoised update frames, shared by the connections of one transport. */
export class UpdateFrameCache {
  private readonly frames = new WeakMap<Uint8Array, Uint8Array>()

  /** The binary frame carrying `update` as a sync update message. */
  frameFor(update: Uint8Array): Uint8Array {
    let frame = this.frames.get(update)
    if (!frame) {
      frame = encodeServerMessage({ type: 'update', update })
      this.frames.set(update, frame)
    }
    return frame
  }
}
