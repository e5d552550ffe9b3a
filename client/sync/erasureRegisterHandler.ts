/**
 * The browser's side of the erasure register (shared/document/erasureRegister.ts): the
 * server sends it on the confidential socket before sync step 1 and whenever it grows. The
 * listed contacts are deleted from the document with the provider as origin — as if the
 * server had sent the deletion — so y-websocket does not send that deletion on its own (the
 * server would refuse a deletion of offline content it never saw); the sync step 2 that
 * follows carries the content together with its deletion. `onRegister` then rewrites the
 * local copy, so that no stored update holds the erased data any more.
 */
import type { WebsocketProvider } from 'y-websocket'
import type * as decoding from 'lib0/decoding'
import { type ErasureRecord, removeErasedContacts } from '../../shared/document/erasureRegister'
import { readErasureRegisterMessage } from '../../shared/protocol/erasureRegisterMessage'
import { MessageType } from '../../shared/protocol/messageTypes'

/** Makes `provider` (of a confidential document) act on the erasure register. */
export function handleErasureRegister(
  provider: WebsocketProvider,
  onRegister: (records: ErasureRecord[]) => void = () => {},
): void {
  provider.messageHandlers[MessageType.erasureRegister] = (_encoder, decoder) => {
    const records = readErasureRegisterMessage(decoder as decoding.Decoder)
    removeErasedContacts(provider.doc, records, provider)
    onRegister(records)
  }
}
