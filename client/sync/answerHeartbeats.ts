/**
 * The browser's side of the heartbeat (shared/protocol/heartbeatMessage.ts): the provider
 * asks for it with `?heartbeat=1` and sends each heartbeat back from its message handler,
 * so the server hears from this page itself, not only from the browser's network stack.
 * An answer that cannot leave the page (offline) lets the server drop the socket within
 * 8 s, and the others see this person gone.
 */
import type { WebsocketProvider } from 'y-websocket'
import type * as decoding from 'lib0/decoding'
import type * as encoding from 'lib0/encoding'
import {
  HEARTBEAT_PARAM,
  readHeartbeat,
  writeHeartbeat,
} from '../../shared/protocol/heartbeatMessage'
import { MessageType } from '../../shared/protocol/messageTypes'

/** Makes `provider` ask for heartbeats and answer each one. */
export function answerHeartbeats(provider: WebsocketProvider): void {
  provider.params[HEARTBEAT_PARAM] = '1'
  provider.messageHandlers[MessageType.heartbeat] = (encoder, decoder) => {
    readHeartbeat(decoder as decoding.Decoder)
    // y-websocket sends what the handler wrote as the answer.
    writeHeartbeat(encoder as encoding.Encoder)
  }
}
