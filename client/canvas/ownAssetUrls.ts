/**
 * tldraw's fonts, icons and translations from our own origin (never a CDN), minus the
 * embed-service icons: tldraw preloads every icon it is given, and embeds cannot work here
 * (the CSP lets no other site into a frame), so {@link withoutEmbeds} takes the embed
 * dialog out and the 19 icons are never fetched.
 */
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import type { TLUiAssetUrlOverrides, TLUiOverrides } from 'tldraw'

const imported = getAssetUrlsByImport()

/** Asset URLs for `<Tldraw assetUrls>`: our origin's files, no embed icons. */
export const ownAssetUrls: TLUiAssetUrlOverrides = {
  ...imported,
  embedIcons: Object.fromEntries(Object.keys(imported.embedIcons ?? {}).map((key) => [key, ''])),
}

/** Removes tldraw's "Insert embed…" action (menu item and shortcut). */
export const withoutEmbeds: TLUiOverrides = {
  actions(_editor, actions) {
    const { 'insert-embed': _embed, ...rest } = actions
    return rest
  },
}
