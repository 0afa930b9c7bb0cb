#!/usr/bin/env python3
"""Draws images/icon.png, the extension's 128x128 icon: a pair of white
opening quotation marks on a rounded ink-blue square. Standard library only
(zlib + struct PNG writer), so it runs anywhere: python3 scripts/make-icon.py
"""
import math
import os
import struct
import zlib

SIZE = 128
SUPERSAMPLE = 4  # 4x4 samples per pixel for smooth edges
BACKGROUND = (31, 58, 95)
MARK = (255, 255, 255)
CORNER_RADIUS = 26


def inside_rounded_square(x, y):
    r = CORNER_RADIUS
    cx = min(max(x, r), SIZE - r)
    cy = min(max(y, r), SIZE - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def inside_opening_mark(x, y, ball_x, ball_y):
    """A '6'-shaped mark: a ball with a tail sweeping up and to the right."""
    ball_radius = 15
    if (x - ball_x) ** 2 + (y - ball_y) ** 2 <= ball_radius ** 2:
        return True
    # The tail is a crescent: inside a large circle to the lower right of the
    # ball, outside a slightly shifted one, and above the ball's centre.
    outer_cx, outer_cy, outer_r = ball_x + 17, ball_y + 4, 32
    inner_cx, inner_cy, inner_r = ball_x + 22, ball_y + 6, 27
    in_outer = (x - outer_cx) ** 2 + (y - outer_cy) ** 2 <= outer_r ** 2
    in_inner = (x - inner_cx) ** 2 + (y - inner_cy) ** 2 <= inner_r ** 2
    above_ball = y <= ball_y and x <= ball_x + 24
    return in_outer and not in_inner and above_ball


def pixel(px, py):
    covered_square = covered_mark = 0
    for sy in range(SUPERSAMPLE):
        for sx in range(SUPERSAMPLE):
            x = px + (sx + 0.5) / SUPERSAMPLE
            y = py + (sy + 0.5) / SUPERSAMPLE
            if inside_rounded_square(x, y):
                covered_square += 1
                if inside_opening_mark(x, y, 40, 76) or inside_opening_mark(x, y, 82, 76):
                    covered_mark += 1
    samples = SUPERSAMPLE * SUPERSAMPLE
    alpha = covered_square / samples
    if covered_square == 0:
        return (0, 0, 0, 0)
    t = covered_mark / covered_square
    rgb = tuple(round(b + (m - b) * t) for b, m in zip(BACKGROUND, MARK))
    return rgb + (round(alpha * 255),)


def png(width, height, rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack('>I', len(data)) + body + struct.pack('>I', zlib.crc32(body) & 0xFFFFFFFF)

    raw = b''.join(b'\x00' + bytes(v for p in row for v in p) for row in rows)
    header = struct.pack('>IIBBBBB', width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')


def main():
    rows = [[pixel(x, y) for x in range(SIZE)] for y in range(SIZE)]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'images', 'icon.png')
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, 'wb') as f:
        f.write(png(SIZE, SIZE, rows))
    print(os.path.normpath(out))


if __name__ == '__main__':
    main()
