/**
 * How much work a Yjs update (v1 encoding) would be, read without building it.
 *
 * Layout walked here, as Yjs writes it: `varUint clients`, then per client `varUint structs`,
 * `varUint client`, `varUint clock` and the structs (an info byte, then a GC or Skip length,
 * or an Item's origin, right origin, parent info and content); then the delete set,
 * `varUint clients` and per client its ranges. The struct counts sit in each client's
 * header, so an update announcing more than the limit is refused before a single struct is
 * read; otherwise every struct is skipped over (contents are checked for length, not
 * decoded into objects), which costs a fraction of `Y.decodeUpdate`. Delete ranges count
 * like structs: each one is work when applied. Truncated or malformed input throws, as
 * lib0's readers do.
 */
import * as decoding from 'lib0/decoding'

/** Result of {@link measureUpdate}. */
export type UpdateMeasure =
  | { ok: true; structs: number }
  /** `structs` is at least this many: counting stopped at the first client over the limit. */
  | { ok: false; structs: number }

const BITS5 = 0b11111
const BIT6 = 0b100000
const BIT7 = 0b1000000
const BIT8 = 0b10000000

/** Content refs (Item.js `contentRefs`). */
const CONTENT_DELETED = 1
const CONTENT_JSON = 2
const CONTENT_BINARY = 3
const CONTENT_STRING = 4
const CONTENT_EMBED = 5
const CONTENT_FORMAT = 6
const CONTENT_TYPE = 7
const CONTENT_ANY = 8
const CONTENT_DOC = 9
const STRUCT_GC = 0
const STRUCT_SKIP = 10
/** Type refs that carry a name (YXmlElement, YXmlHook). */
const NAMED_TYPE_REFS = new Set([3, 5])

/**
 * Counts the structs and delete ranges of `update`, stopping as soon as they exceed
 * `maxStructs`. Throws on malformed input.
 */
export function measureUpdate(update: Uint8Array, maxStructs: number): UpdateMeasure {
  const decoder = decoding.createDecoder(update)
  let structs = 0
  const clients = decoding.readVarUint(decoder)
  for (let i = 0; i < clients; i++) {
    const count = decoding.readVarUint(decoder)
    structs += count
    if (structs > maxStructs) return { ok: false, structs }
    decoding.readVarUint(decoder) // client
    decoding.readVarUint(decoder) // clock
    for (let s = 0; s < count; s++) skipStruct(decoder)
  }
  const deleteClients = decoding.readVarUint(decoder)
  for (let i = 0; i < deleteClients; i++) {
    decoding.readVarUint(decoder) // client
    const ranges = decoding.readVarUint(decoder)
    structs += ranges
    if (structs > maxStructs) return { ok: false, structs }
    for (let r = 0; r < ranges; r++) {
      decoding.readVarUint(decoder)
      decoding.readVarUint(decoder)
    }
  }
  return { ok: true, structs }
}

function skipStruct(decoder: decoding.Decoder): void {
  const info = decoding.readUint8(decoder)
  const ref = info & BITS5
  if (ref === STRUCT_GC || ref === STRUCT_SKIP) {
    decoding.readVarUint(decoder)
    return
  }
  if ((info & BIT8) !== 0) skipId(decoder)
  if ((info & BIT7) !== 0) skipId(decoder)
  if ((info & (BIT7 | BIT8)) === 0) {
    if (decoding.readVarUint(decoder) === 1) skipString(decoder)
    else skipId(decoder)
    if ((info & BIT6) !== 0) skipString(decoder)
  }
  skipContent(decoder, ref)
}

function skipContent(decoder: decoding.Decoder, ref: number): void {
  switch (ref) {
    case CONTENT_DELETED:
      decoding.readVarUint(decoder)
      return
    case CONTENT_JSON: {
      const length = decoding.readVarUint(decoder)
      for (let i = 0; i < length; i++) skipString(decoder)
      return
    }
    case CONTENT_BINARY:
    case CONTENT_STRING:
    case CONTENT_EMBED:
      skipString(decoder)
      return
    case CONTENT_FORMAT:
      skipString(decoder)
      skipString(decoder)
      return
    case CONTENT_TYPE: {
      const typeRef = decoding.readVarUint(decoder)
      if (NAMED_TYPE_REFS.has(typeRef)) skipString(decoder)
      return
    }
    case CONTENT_ANY: {
      const length = decoding.readVarUint(decoder)
      for (let i = 0; i < length; i++) decoding.readAny(decoder)
      return
    }
    case CONTENT_DOC:
      skipString(decoder)
      decoding.readAny(decoder)
      return
    default:
      throw new Error(`unknown struct content ${ref}`)
  }
}

function skipId(decoder: decoding.Decoder): void {
  decoding.readVarUint(decoder)
  decoding.readVarUint(decoder)
}

/** Skips a length-prefixed byte string (a varString or varUint8Array) without decoding it. */
function skipString(decoder: decoding.Decoder): void {
  const length = decoding.readVarUint(decoder)
  if (decoder.pos + length > decoder.arr.length) throw new Error('unexpected end of update')
  decoder.pos += length
}
