package io.citytwin.twin.disposal;

/**
 * Tunables of the linked-disposal engine.
 *
 * @param evidenceCap readings kept per incident (1..10,000); alarms beyond it are still counted,
 *     their evidence is not kept
 */
public record DisposalSettings(int evidenceCap) {
  public static final DisposalSettings DEFAULTS = new DisposalSettings(50);

  public DisposalSettings {
    if (evidenceCap < 1 || evidenceCap > 10_000) {
      throw new IllegalArgumentException("evidenceCap must be 1..10000, was " + evidenceCap);
    }
  }
}
