package io.citytwin.sim.output;

import java.awt.Color;

/** Fixed, distinguishable colours (Okabe-Ito, readable with colour-blindness), by index. */
final class Palette {
  private static final Color[] COLORS = {
    new Color(0xD55E00), new Color(0x0072B2), new Color(0x009E73), new Color(0xE69F00),
    new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)
  };

  private Palette() {}

  static Color color(int i) {
    return COLORS[i % COLORS.length];
  }

  static Color translucent(int i, int alpha) {
    Color c = color(i);
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }
}
