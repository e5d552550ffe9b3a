/**
 * Structs (and delete ranges) a browser puts in one update at most: half the server's
 * default `MAX_UPDATE_STRUCTS` (2,000, server/config.ts), so an operator may lower that a
 * little without refusing honest clients. Bulk writes are made in transactions of this size
 * (shared/exchange/chunkByStructs.ts) and anything larger is sent in parts of it
 * (client/sync/sendUpdatesInParts.ts).
 */
export const CLIENT_UPDATE_STRUCT_BUDGET = 1_000
