package io.citytwin.sim.hazard.flood;

/**
 * Ground height from the distance to the shore, because the OSM extract carries no elevation and
 * no open DEM is shipped. Two slopes: a gentle coastal strip and a steep hinterland,
 *
 * <pre>
 * z(d) = shoreHeightM + coastalSlope·min(d, coastalStripM) + inlandSlope·max(0, d − coastalStripM)
 * </pre>
 *
 * <p>The defaults are a rough reading of Monaco's relief, not a survey: quays and beaches stand a
 * metre or two above the sea; the low quarters built along the shore (La Condamine behind Port
 * Hercule, the reclaimed Fontvieille, Larvotto) rise gently for a few hundred metres; behind them
 * the ground climbs steeply, to about 60 m on the Rock and in Monte-Carlo and over 100 m in the
 * upper quarters within about a kilometre of the sea. Known misfits: cliffs that drop straight into
 * the sea (the Rock of Monaco-Ville, the Jardin Exotique escarpment) get the gentle coastal slope
 * at their foot and top alike, so flooding next to them is overstated; thalwegs such as the Ravin
 * de Sainte-Dévote are not lower than their surroundings.
 *
 * @param shoreHeightM ground height at the shoreline, m above mean sea level
 * @param coastalSlope rise per metre inland within the coastal strip
 * @param coastalStripM width of the coastal strip, m
 * @param inlandSlope rise per metre inland beyond the strip
 */
public record Terrain(double shoreHeightM, double coastalSlope, double coastalStripM, double inlandSlope) {
  public static final Terrain MONACO = new Terrain(1.5, 0.02, 250, 0.15);

  /** Ground height at {@code d} metres from the shoreline, m. */
  public double groundAt(double d) {
    double x = Math.max(0, d);
    return shoreHeightM + coastalSlope * Math.min(x, coastalStripM) + inlandSlope * Math.max(0, x - coastalStripM);
  }
}
