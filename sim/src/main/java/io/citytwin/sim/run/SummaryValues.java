package io.citytwin.sim.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Brings a model's summary into a canonical, JSON-ready form with a stable order, so the same run
 * always writes the same bytes.
 *
 * <p>Order: lists, arrays, {@link SortedMap}s, {@link LinkedHashMap}s, {@link SortedSet}s and
 * {@link LinkedHashSet}s keep theirs; every other map or set (HashMap, {@code Map.of}, whose order
 * changes from one JVM start to the next) is ordered by the text of its keys or elements.
 *
 * <p>Values: {@code null}, strings, booleans, whole numbers (as {@link Long} or
 * {@link BigInteger}), other numbers (as {@link Double}), enums (their name), {@code java.time}
 * values and {@link Duration} (ISO text), {@link JsonNode}, and maps, collections and arrays of
 * these. Anything else is refused with the path of the value.
 */
public final class SummaryValues {
  private SummaryValues() {}

  /**
   * The canonical copy of {@code summary}: nested {@link LinkedHashMap}s and lists, unmodifiable.
   *
   * @throws IllegalArgumentException naming the path of a value of an unsupported type
   */
  public static Map<String, Object> canonical(Map<String, ?> summary) {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) value(summary, "summary");
    return m;
  }

  private static Object value(Object v, String path) {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Double || v instanceof Long
        || v instanceof BigInteger || v instanceof JsonNode) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float || v instanceof BigDecimal) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof Character || v instanceof Enum<?> || v instanceof TemporalAccessor || v instanceof Duration) {
      return v.toString();
    }
    if (v instanceof Map<?, ?> map) {
      return map(map, path);
    }
    if (v instanceof Collection<?> c) {
      return list(ordered(c) ? new ArrayList<>(c) : sortedByText(c), path);
    }
    if (v instanceof Object[] a) {
      return list(java.util.Arrays.asList(a), path);
    }
    if (v instanceof double[] a) {
      return list(java.util.Arrays.stream(a).boxed().toList(), path);
    }
    if (v instanceof int[] a) {
      return list(java.util.Arrays.stream(a).boxed().toList(), path);
    }
    if (v instanceof long[] a) {
      return list(java.util.Arrays.stream(a).boxed().toList(), path);
    }
    throw new IllegalArgumentException("summary value at '" + path + "' is a " + v.getClass().getName()
        + "; use numbers, strings, booleans, times, lists or maps");
  }

  private static boolean ordered(Collection<?> c) {
    return c instanceof List<?> || c instanceof SortedSet<?> || c instanceof LinkedHashSet<?>;
  }

  private static List<?> sortedByText(Collection<?> c) {
    List<Object> l = new ArrayList<>(c);
    l.sort((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
    return l;
  }

  private static List<Object> list(List<?> items, String path) {
    List<Object> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      out.add(value(items.get(i), path + "[" + i + "]"));
    }
    return Collections.unmodifiableList(out);
  }

  private static Map<String, Object> map(Map<?, ?> map, String path) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<?, ?> ordered = map instanceof SortedMap<?, ?> || map instanceof LinkedHashMap<?, ?> ? map : byKeyText(map, path);
    ordered.forEach((k, v) -> {
      String key = String.valueOf(k);
      if (out.put(key, value(v, path + "." + key)) != null) {
        throw new IllegalArgumentException("summary map at '" + path + "' has two keys written '" + key + "'");
      }
    });
    return Collections.unmodifiableMap(out);
  }

  private static Map<String, Object> byKeyText(Map<?, ?> map, String path) {
    Map<String, Object> sorted = new TreeMap<>();
    map.forEach((k, v) -> {
      if (sorted.put(String.valueOf(k), v) != null) {
        throw new IllegalArgumentException("summary map at '" + path + "' has two keys written '" + k + "'");
      }
    });
    return sorted;
  }
}
