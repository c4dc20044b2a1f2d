package io.citytwin.twin.sensor.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorInputException;
import io.citytwin.twin.sensor.SensorKind;
import io.citytwin.twin.telemetry.Position;
import io.citytwin.twin.telemetry.Quantity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SensorCsvTest {
  static List<Sensor> read(String csv) {
    return SensorCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "s.csv");
  }

  @Test
  void writtenFilesReadBackToTheSameSensors() {
    String text = SensorCsv.write(SensorGeoJsonTest.SENSORS);
    assertThat(read(text)).isEqualTo(SensorGeoJsonTest.SENSORS);
    assertThat(text.lines().toList()).hasSize(3);
    assertThat(text.lines().findFirst().orElseThrow()).isEqualTo("id,kind,lat,lon,quantities,owner,name,username,salt,hash");
    // The name holds a comma and quotes, so it is quoted with the quotes doubled.
    assertThat(text).contains(",\"Air, \"\"Boulevard\"\" Test\",");
  }

  @Test
  void columnsMayComeInAnyOrderAndOptionalOnesMayBeMissingOrEmpty() {
    List<Sensor> s = read("""
        kind,lon,lat,id,quantities,owner
        noise_monitor,7.42,43.73,n-1,,
        air_quality,7.43,43.74,aq-1,pm25;no2,police
        """);
    assertThat(s.get(0)).isEqualTo(new Sensor("n-1", SensorKind.NOISE_MONITOR, EnumSet.of(Quantity.NOISE),
        new Position(43.73, 7.42), null, Agency.HEALTH, null, null));
    assertThat(s.get(1).quantities()).containsExactly(Quantity.PM25, Quantity.NO2);
    assertThat(s.get(1).owner()).isEqualTo(Agency.POLICE);
  }

  @Test
  void crlfBlankLinesAByteOrderMarkAndQuotedFieldsAreFine() {
    List<Sensor> s = read("\uFEFFid,kind,lat,lon,name\r\n\r\nwx-1,weather,43.73,7.42,\"Quai, \"\"Nord\"\"\"\r\nwx-2,weather,43.73,7.42,\"\"\r\n");
    assertThat(s).extracting(Sensor::id).containsExactly("wx-1", "wx-2");
    assertThat(s.get(0).name()).isEqualTo("Quai, \"Nord\"");
    assertThat(s.get(1).name()).isEqualTo("wx-2");
  }

  @Test
  void aLineBreakInsideQuotesIsOneRecordButNoNameHoldsOne() {
    assertThatThrownBy(() -> read("id,kind,lat,lon,name\nwx-1,weather,43.73,7.42,\"two\nlines\"\n"))
        .isInstanceOf(SensorInputException.class)
        .hasMessage("s.csv: line 2, field 'name': contains a control character");
    List<CsvRecords.Row> rows = CsvRecords.parse("a,b\n\"x\ny\",\"\"\r\n\nc,\n", "s.csv");
    assertThat(rows).containsExactly(
        new CsvRecords.Row(1, List.of("a", "b")),
        new CsvRecords.Row(2, List.of("x\ny", "")),
        new CsvRecords.Row(5, List.of("c", "")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      id,kind,lat,lon\\nwx-1,weather,43.73 | s.csv: line 2: 3 fields, but the header has 4
      id,kind,lat,lon\\nwx-1,weather,north,7.42 | s.csv: line 2, field 'lat': 'north' is not a decimal number
      id,kind,lat,lon\\nwx-1,weather,NaN,7.42 | s.csv: line 2, field 'lat': 'NaN' is not a decimal number
      id,kind,lat,lon\\nwx-1,weather,0x1p3,7.42 | s.csv: line 2, field 'lat': '0x1p3' is not a decimal number
      id,kind,lat,lon\\nwx-1,weather,1e999,7.42 | s.csv: line 2, field 'lat': '1e999' is too large
      id,kind,lat,lon\\nwx-1,weather,,7.42 | s.csv: line 2, field 'lat': missing
      id,kind,lat,lon\\nwx-1,weather,91,7.42 | s.csv: line 2, field 'lat': 91.0 is not a latitude (-90..90 degrees)
      id,kind,lat,lon\\nwx-1,weather,43,181 | s.csv: line 2, field 'lon': 181.0 is not a longitude (-180..180 degrees)
      id,kind,lat,lon,quantities\\nwx-1,weather,43,7,noise;;pm25 | s.csv: line 2, field 'quantities': unknown quantity '' (known: pm25, pm10, no2, o3, co, gas, temperature, humidity, water_level, rainfall, smoke, traffic_flow, speed, crowd_density, noise, beds_free, occupancy)
      id,kind,lat,lon\\n,weather,43,7 | s.csv: line 2, field 'id': missing
      id,kind,lat,lon,colour\\n | s.csv: line 1 (header): unknown column 'colour' (allowed: id, kind, lat, lon, quantities, owner, name, username, salt, hash)
      id,kind,lat,lon,id\\n | s.csv: line 1 (header): column 'id' appears twice
      id,kind,lat\\n | s.csv: line 1 (header): required column 'lon' is missing (header must name id, kind, lat, lon)
      id,kind,lat,lon\\nwx-1,weather,43,7\\nwx-1,weather,43,7 | s.csv: line 3, field 'id': 'wx-1' is already used by line 2
      id,kind,lat,lon\\nwx-1,wea"ther,43,7 | s.csv: line 2: a quote inside an unquoted field (quote the whole field and double the quote)
      id,kind,lat,lon\\nwx-1,"weather"x,43,7 | s.csv: line 2: unexpected 'x' after a closing quote
      id,kind,lat,lon\\n\\nwx-1,"weather,43,7 | s.csv: line 3: quoted field is not closed
      \\n\\n | s.csv: empty: the first line must be a header (id,kind,lat,lon,quantities,owner,name,username,salt,hash)
      """)
  void badInputIsNamedByLineAndField(String csv, String message) {
    assertThatThrownBy(() -> read(csv.replace("\\n", "\n")))
        .isInstanceOf(SensorInputException.class).hasMessage(message);
  }

  @Test
  void invalidUtf8NamesTheByte() {
    byte[] bad = "id,kind,lat,lon\nw\u00e9,weather,43,7\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> SensorCsv.read(new ByteArrayInputStream(bad), "s.csv"))
        .isInstanceOf(SensorInputException.class)
        .hasMessage("s.csv: not UTF-8 text: invalid byte sequence at byte 17");
  }
}
