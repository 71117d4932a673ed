#!/usr/bin/env python3
"""Draws extension/icons/jixiao.png (42x42) and the toolbar icons fill_16/26.png, check_16/26.png: a red seal-like square with three rising white bars
and a check line. Pure standard library; rerun only to change the icon."""
import struct, zlib, sys, os

W = H = 42
px = [[(0, 0, 0, 0)] * W for _ in range(H)]
red, white = (196, 30, 58, 255), (255, 255, 255, 255)
for y in range(2, 40):
    for x in range(2, 40):
        corner = min(x - 2, 39 - x) + min(y - 2, 39 - y)
        if corner >= 3:
            px[y][x] = red
for i, h in enumerate((10, 17, 24)):
    x0 = 9 + i * 9
    for y in range(34 - h, 34):
        for x in range(x0, x0 + 6):
            px[y][x] = white
for t in range(0, 60):
    x = 7 + t * 0.47
    y = 20 - t * 0.22
    for dx in range(2):
        for dy in range(2):
            xi, yi = int(x) + dx, int(y) + dy
            if 0 <= xi < W and 0 <= yi < H:
                px[yi][xi] = (255, 215, 0, 255)

def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)


def png(size):
    """The 42-pixel drawing scaled to size x size (nearest neighbour)."""
    rows = [[px[int(y * H / size)][int(x * W / size)] for x in range(size)] for y in range(size)]
    raw = b"".join(b"\x00" + b"".join(struct.pack("4B", *p) for p in row) for row in rows)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) \
        + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "extension", "icons")
for name, size in (("jixiao.png", 42), ("fill_16.png", 16), ("fill_26.png", 26)):
    with open(os.path.join(out_dir, name), "wb") as f:
        f.write(png(size))

# The check button: the same seal in blue with a white tick.
blue = (31, 94, 168, 255)
for y in range(H):
    for x in range(W):
        if px[y][x] != (0, 0, 0, 0):
            px[y][x] = blue
for t in range(0, 40):
    x = 10 + t * 0.55
    y = 22 + t * 0.45 if t < 15 else 28.75 - (t - 15) * 0.75
    for dx in range(3):
        for dy in range(3):
            xi, yi = int(x) + dx, int(y) + dy
            if 0 <= xi < W and 0 <= yi < H:
                px[yi][xi] = white
for name, size in (("check_16.png", 16), ("check_26.png", 26)):
    with open(os.path.join(out_dir, name), "wb") as f:
        f.write(png(size))
