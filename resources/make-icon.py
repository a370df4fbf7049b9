#!/usr/bin/env python3
"""Draws the Billing Monitor app icon as PNG files, with the standard library only.

Shapes are signed distance functions in a 256-unit design space, so every size is
rendered crisply with one-pixel anti-aliasing instead of being scaled from a bitmap.
Run from anywhere: writes resources/icons/billing-monitor-<size>.png next to this script.
"""
import math
import os
import struct
import zlib


def rounded_rect(x, y, left, top, right, bottom, radius):
    cx, cy = (left + right) / 2, (top + bottom) / 2
    hx, hy = (right - left) / 2 - radius, (bottom - top) / 2 - radius
    qx, qy = abs(x - cx) - hx, abs(y - cy) - hy
    outside = math.hypot(max(qx, 0), max(qy, 0))
    return outside + min(max(qx, qy), 0) - radius


def circle(x, y, cx, cy, r):
    return math.hypot(x - cx, y - cy) - r


def segment(x, y, ax, ay, bx, by, half_width):
    px, py, dx, dy = x - ax, y - ay, bx - ax, by - ay
    t = max(0.0, min(1.0, (px * dx + py * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - dx * t, py - dy * t) - half_width


def rgb(hex_colour):
    return tuple(int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))


def lerp(a, b, t):
    return tuple(p + (q - p) * t for p, q in zip(a, b))


# Back to front: (distance function, colour function of y).
TOP, BOTTOM = rgb("#3b82f6"), rgb("#1e40af")
WHITE, PALE, GREEN = rgb("#ffffff"), rgb("#93c5fd"), rgb("#16a34a")
LAYERS = [
    (lambda x, y: rounded_rect(x, y, 16, 16, 240, 240, 44), lambda y: lerp(TOP, BOTTOM, (y - 16) / 224)),
    (lambda x, y: rounded_rect(x, y, 60, 48, 176, 200, 12), lambda y: WHITE),
    (lambda x, y: rounded_rect(x, y, 80, 76, 156, 88, 6), lambda y: PALE),
    (lambda x, y: rounded_rect(x, y, 80, 100, 140, 112, 6), lambda y: PALE),
    (lambda x, y: rounded_rect(x, y, 80, 124, 148, 136, 6), lambda y: PALE),
    (lambda x, y: circle(x, y, 176, 172, 52), lambda y: WHITE),
    (lambda x, y: circle(x, y, 176, 172, 44), lambda y: GREEN),
    (lambda x, y: min(segment(x, y, 154, 173, 170, 189, 7), segment(x, y, 170, 189, 200, 157, 7)),
     lambda y: WHITE),
]


def render(size):
    scale = 256 / size
    rows = []
    for py in range(size):
        row = bytearray([0])  # PNG filter type: none
        for px in range(size):
            x, y = (px + 0.5) * scale, (py + 0.5) * scale
            colour, alpha = (0.0, 0.0, 0.0), 0.0
            for distance, paint in LAYERS:
                coverage = max(0.0, min(1.0, 0.5 - distance(x, y) / scale))
                if coverage > 0:
                    out_alpha = coverage + alpha * (1 - coverage)
                    colour = tuple((c * coverage + b * alpha * (1 - coverage)) / out_alpha
                                   for c, b in zip(paint(y), colour))
                    alpha = out_alpha
            row += bytes(round(c * 255) for c in colour) + bytes([round(alpha * 255)])
        rows.append(bytes(row))
    return rows


def write_png(path, size, rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    with open(path, "wb") as png:
        png.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                  + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "icons")
    os.makedirs(out_dir, exist_ok=True)
    for size in (16, 32, 48, 64, 128, 256):
        write_png(os.path.join(out_dir, f"billing-monitor-{size}.png"), size, render(size))
