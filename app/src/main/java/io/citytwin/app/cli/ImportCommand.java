package io.citytwin.app.cli;

import io.citytwin.geo.GisInputException;
import io.citytwin.geo.city.CityImporter;
import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.city.ImportSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code citytwin import FILE...}: reads GIS input exactly as {@code run} would, and prints a layer
 * summary. Exit code 0 when the input is usable (warnings may be listed), 1 when it is not.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Validate GIS input and print a layer summary (counts per layer, bbox, CRS, problems).",
      "FILE: one OSM file (.osm.pbf, .osm, .osm.gz) and optionally one districts .geojson."
    })
public final class ImportCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "GIS files of one city")
  List<Path> files;

  @Option(
      names = "--boundary-relation",
      paramLabel = "ID",
      description = "OSM relation id of the city outline (default: the largest complete "
          + "admin_level=8 boundary in the file, else the data extent)")
  Long boundaryRelation;

  @Override
  public Integer call() {
    try {
      CityModel model = CityImporter.importFiles(files, boundaryRelation);
      System.out.print(ImportSummary.of(model).toText());
      return 0;
    } catch (GisInputException e) {
      System.err.println("import failed: " + e.getMessage());
      return 1;
    }
  }
}
