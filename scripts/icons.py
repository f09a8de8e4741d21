#!/usr/bin/env python3
"""Draws Genie's app icons as PNG files from the SVG mark in public/icon.svg.

    python3 scripts/icons.py          # writes public/icons/*.png

Python 3 standard library only (zlib and struct write the PNGs), so it runs anywhere and
gives byte-identical files every time. The mark is drawn from the SVG's own circles and
rectangles (fill, stroke and stroke-width; nothing else is needed), with each pixel's
coverage worked out from its distance to the shape's edge, so edges are smooth.

Files written (named in public/manifest.webmanifest and index.html):
  icon-192.png, icon-512.png   the mark on a transparent background ("any" purpose)
  maskable-512.png             the mark on the brand colour, inside the central safe circle
                               (80% of the width) that phones keep when they crop an icon
  apple-touch-icon.png         180 x 180 on white: iOS shows transparency as black
"""
import os
import struct
import sys
import xml.etree.ElementTree as ET
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "public", "icon.svg")
OUT = os.path.join(ROOT, "public", "icons")

BRAND = "#1d4e89"  # --brand in style/main.css and theme_color in the manifest
PAPER = "#ffffff"  # --paper, the page background


def colour(text):
    text = text.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    return tuple(int(text[i:i + 2], 16) for i in (0, 2, 4))


def read_mark(path):
    """The SVG's shapes in drawing order, and its view box size."""
    tree = ET.parse(path)
    svg = tree.getroot()
    _, _, width, height = (float(v) for v in svg.get("viewBox").split())
    shapes = []
    for element in svg:
        tag = element.tag.split("}")[-1]
        fill = element.get("fill", "#000000")
        stroke = element.get("stroke")
        stroke_width = float(element.get("stroke-width", "1"))
        if tag == "circle":
            shape = ("circle", float(element.get("cx")), float(element.get("cy")),
                     float(element.get("r")))
        elif tag == "rect":
            shape = ("rect", float(element.get("x")), float(element.get("y")),
                     float(element.get("width")), float(element.get("height")))
        else:
            sys.exit(f"icons: <{tag}> in {path} is not drawn by this script")
        if fill != "none":
            shapes.append((shape, "fill", colour(fill), 0.0))
        if stroke and stroke != "none":
            shapes.append((shape, "stroke", colour(stroke), stroke_width))
    return shapes, width, height


def distance(shape, x, y):
    """Signed distance from (x, y) to the shape's edge: negative inside."""
    if shape[0] == "circle":
        _, cx, cy, r = shape
        return ((x - cx) ** 2 + (y - cy) ** 2) ** 0.5 - r
    _, rx, ry, rw, rh = shape
    dx = max(rx - x, x - (rx + rw))
    dy = max(ry - y, y - (ry + rh))
    outside = (max(dx, 0) ** 2 + max(dy, 0) ** 2) ** 0.5
    return outside + min(max(dx, dy), 0)


def draw(size, background, mark_scale):
    """An RGBA image `size` pixels square: `background` (or transparent when None), with the
    mark centred and scaled so its view box spans `mark_scale` of the width."""
    shapes, vw, vh = read_mark(SOURCE)
    pixels = [[(background + (255,)) if background else (0, 0, 0, 0) for _ in range(size)]
              for _ in range(size)]
    scale = size * mark_scale / vw  # pixels per view-box unit
    offset_x = (size - vw * scale) / 2
    offset_y = (size - vh * scale) / 2
    for shape, mode, rgb, stroke_width in shapes:
        # Only visit the pixels the shape can touch.
        if shape[0] == "circle":
            _, cx, cy, r = shape
            reach = r + stroke_width / 2 + 1
            box = (cx - reach, cy - reach, cx + reach, cy + reach)
        else:
            _, rx, ry, rw, rh = shape
            box = (rx - 1, ry - 1, rx + rw + 1, ry + rh + 1)
        x0 = max(int(offset_x + box[0] * scale) - 1, 0)
        y0 = max(int(offset_y + box[1] * scale) - 1, 0)
        x1 = min(int(offset_x + box[2] * scale) + 2, size)
        y1 = min(int(offset_y + box[3] * scale) + 2, size)
        for py in range(y0, y1):
            row = pixels[py]
            for px in range(x0, x1):
                # The pixel's centre in view-box units.
                x = (px + 0.5 - offset_x) / scale
                y = (py + 0.5 - offset_y) / scale
                d = distance(shape, x, y)
                if mode == "stroke":
                    d = abs(d) - stroke_width / 2
                coverage = min(max(0.5 - d * scale, 0.0), 1.0)
                if coverage <= 0:
                    continue
                row[px] = over(rgb, coverage, row[px])
    return pixels


def over(rgb, alpha, under):
    """`rgb` at `alpha` over the RGBA pixel `under`."""
    ua = under[3] / 255
    out_a = alpha + ua * (1 - alpha)
    if out_a <= 0:
        return (0, 0, 0, 0)
    channels = tuple(
        round((c * alpha + u * ua * (1 - alpha)) / out_a) for c, u in zip(rgb, under[:3]))
    return channels + (round(out_a * 255),)


def png(pixels):
    height, width = len(pixels), len(pixels[0])
    raw = b"".join(b"\x00" + bytes(v for p in row for v in p) for row in pixels)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main():
    os.makedirs(OUT, exist_ok=True)
    brand, paper = colour(BRAND), colour(PAPER)
    icons = {
        # The mark's outer ring reaches 31.5 of 64 units from the centre.
        "icon-192.png": draw(192, None, 1.0),
        "icon-512.png": draw(512, None, 1.0),
        # Safe circle: radius 40% of the width; 0.8 * 31.5/64 = 0.39, just inside it.
        "maskable-512.png": draw(512, brand, 0.8),
        "apple-touch-icon.png": draw(180, paper, 0.86),
    }
    for name, pixels in icons.items():
        path = os.path.join(OUT, name)
        with open(path, "wb") as f:
            f.write(png(pixels))
        print(f"icons: wrote {os.path.relpath(path, ROOT)} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
