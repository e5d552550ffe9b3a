/**
 * A Yjs update as `Y.decodeUpdate` answers it. The transport decodes each update once, when
 * it validates the frame; the room's checks (rootsTouchedByUpdate, addsLiveContentUnder,
 * checkUpdateShape) read these structs instead of decoding the bytes again.
 */
import type * as Y from 'yjs'

/** The decoded structs and delete set of one update. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>
