#!/usr/bin/env node
/**
 * Writes the PNG icons from the shapes of icon.svg, with nothing but node:zlib (no
 * ImageMagick, no canvas). Run: npx node resources/icons/generate.mjs
 * .ico (Windows) and .icns (macOS) are made by electron-builder from 512x512.png.
 */
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

// [x, y, width, height, radius, color] in the 512×512 space of icon.svg, painted in order
const SHAPES = [
  [32, 32, 448, 448, 96, '#1f4e5f'],
  [136, 96, 240, 320, 24, '#fbf8f1'],
  [172, 148, 168, 20, 10, '#9aa7ad'],
  [172, 196, 140, 20, 10, '#9aa7ad'],
  [156, 236, 200, 44, 10, '#f5c84c'],
  [172, 248, 168, 20, 10, '#1f4e5f'],
  [172, 300, 156, 20, 10, '#9aa7ad'],
  [172, 348, 108, 20, 10, '#9aa7ad'],
]
const SIZES = [16, 32, 48, 64, 128, 256, 512]
const SAMPLES = 4 // 4×4 supersampling for smooth edges

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
const shapes = SHAPES.map(([x, y, w, h, r, color]) => ({ x, y, w, h, r, color: rgb(color) }))

function inside({ x, y, w, h, r }, px, py) {
  if (px < x || py < y || px > x + w || py > y + h) return false
  const cx = Math.min(Math.max(px, x + r), x + w - r)
  const cy = Math.min(Math.max(py, y + r), y + h - r)
  return (px - cx) ** 2 + (py - cy) ** 2 <= r * r
}

function render(size) {
  const scale = 512 / size
  const pixels = Buffer.alloc(size * size * 4)
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0
      for (let sj = 0; sj < SAMPLES; sj++) {
        for (let si = 0; si < SAMPLES; si++) {
          const px = (i + (si + 0.5) / SAMPLES) * scale
          const py = (j + (sj + 0.5) / SAMPLES) * scale
          let hit = null
          for (const shape of shapes) if (inside(shape, px, py)) hit = shape.color
          if (hit) {
            r += hit[0]
            g += hit[1]
            b += hit[2]
            a += 1
          }
        }
      }
      const o = (j * size + i) * 4
      // premultiplied sums → straight alpha
      pixels[o] = a ? Math.round(r / a) : 0
      pixels[o + 1] = a ? Math.round(g / a) : 0
      pixels[o + 2] = a ? Math.round(b / a) : 0
      pixels[o + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255)
    }
  }
  return pixels
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buffer) {
  let c = 0xffffffff
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}
function png(size, pixels) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let j = 0; j < size; j++) {
    rows[j * (size * 4 + 1)] = 0 // filter: none
    pixels.copy(rows, j * (size * 4 + 1) + 1, j * size * 4, (j + 1) * size * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

for (const size of SIZES) {
  const file = new URL(`./${size}x${size}.png`, import.meta.url)
  writeFileSync(file, png(size, render(size)))
  console.log(`wrote ${file.pathname}`)
}
