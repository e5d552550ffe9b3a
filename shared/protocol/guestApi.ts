/**
 * Guest sessions over HTTP (issue 18). Opening a map with a share link, the browser asks
 * for a guest session: `POST /api/maps/<id>/guests` with the link's token (Bearer) and the
 * name the person typed answers 201 {@link CreateGuestResponse}: the server's guest id and
 * a session token. The browser keeps the token per map and sends it on its sockets
 * (`?guest=<token>`) and on requests ({@link GUEST_SESSION_HEADER}); the server then knows
 * who the guest is, whatever the client claims. `GET /api/maps/<id>/guests/me` answers the
 * guest as the server now names them and `PATCH /api/maps/<id>/guests/me` renames oneself
 * (both 200 {@link GuestResponse}, 401 for a session the map does not know); `PATCH /api/maps/<id>/guests/<guestId>` lets a
 * facilitator or owner rename a guest (e.g. to a role-play role).
 */
import type { Identity } from './identity'

/** Header of an HTTP request carrying the guest session token. */
export const GUEST_SESSION_HEADER = 'X-Guest-Session'

/** Socket query parameter carrying the guest session token. */
export const GUEST_SESSION_PARAM = 'guest'

/** Body of `POST …/guests` and of both `PATCH …/guests/…`: the name to go by. */
export interface GuestNameRequest {
  name: string
}

/** `POST /api/maps/<id>/guests` answer (201). */
export interface CreateGuestResponse {
  guest: Identity
  /** Keep it secret: whoever holds it is this guest on this map. */
  guestToken: string
}

/** Answer of `GET …/guests/me` and the `PATCH …/guests/…` routes (200): the guest as now named. */
export interface GuestResponse {
  guest: Identity
}
