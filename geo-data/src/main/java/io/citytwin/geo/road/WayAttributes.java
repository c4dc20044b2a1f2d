package io.citytwin.geo.road;

import io.citytwin.geo.osm.OsmWay;
import java.util.Locale;
import java.util.Map;

/** Direction, lanes, speed and access of one highway way, from its tags and class defaults. */
record WayAttributes(
    HighwayClass cls,
    boolean carForward,
    boolean carBackward,
    boolean foot,
    int lanesForward,
    int lanesBackward,
    double speedKmh) {

  static WayAttributes of(OsmWay way) {
    Map<String, String> t = way.tags();
    HighwayClass cls = HighwayClass.of(t.get("highway")).orElseThrow();
    boolean car = cls.car() && !denied(t, "access") && !denied(t, "motor_vehicle") && !denied(t, "motorcar");
    boolean foot = footAllowed(cls, t);
    int dir = direction(cls, t);
    int[] lanes = lanes(cls, t, dir);
    return new WayAttributes(
        cls, car && dir >= 0, car && dir <= 0, foot, lanes[0], lanes[1], speed(cls, t.get("maxspeed")));
  }

  private static boolean denied(Map<String, String> t, String key) {
    String v = t.get(key);
    return "no".equals(v) || "private".equals(v);
  }

  private static boolean footAllowed(HighwayClass cls, Map<String, String> t) {
    String f = t.get("foot");
    if ("yes".equals(f) || "designated".equals(f) || "permissive".equals(f)) {
      return true;
    }
    if ("no".equals(f) || "private".equals(f) || "use_sidepath".equals(f)) {
      return false;
    }
    return cls.foot() && !denied(t, "access");
  }

  /** 1 = forward only, -1 = backward only, 0 = both. */
  static int direction(HighwayClass cls, Map<String, String> t) {
    String ow = t.getOrDefault("oneway", "").toLowerCase(Locale.ROOT);
    switch (ow) {
      case "yes", "true", "1":
        return 1;
      case "-1", "reverse":
        return -1;
      case "no", "false", "0":
        return 0;
      default:
        break;
    }
    String junction = t.get("junction");
    if ("roundabout".equals(junction) || "circular".equals(junction) || cls.impliedOneway()) {
      return 1;
    }
    return 0;
  }

  private static int[] lanes(HighwayClass cls, Map<String, String> t, int dir) {
    int def = Math.max(1, cls.lanesPerDirection());
    Integer fwd = count(t.get("lanes:forward"));
    Integer bwd = count(t.get("lanes:backward"));
    Integer total = count(t.get("lanes"));
    if (dir != 0) {
      int n = total != null ? total : def;
      return dir > 0 ? new int[] {n, 0} : new int[] {0, n};
    }
    int half = total != null ? Math.max(1, total / 2) : def;
    return new int[] {fwd != null ? fwd : half, bwd != null ? bwd : half};
  }

  private static Integer count(String v) {
    if (v == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(v.trim());
      return n > 0 && n < 20 ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Numeric maxspeed in km/h ("50", "30 mph"); anything else (e.g. "FR:urban") uses the default. */
  static double speed(HighwayClass cls, String maxspeed) {
    if (maxspeed != null) {
      String v = maxspeed.trim().toLowerCase(Locale.ROOT);
      double factor = 1;
      if (v.endsWith("mph")) {
        factor = 1.609344;
        v = v.substring(0, v.length() - 3).trim();
      } else if (v.endsWith("km/h")) {
        v = v.substring(0, v.length() - 4).trim();
      }
      try {
        double s = Double.parseDouble(v) * factor;
        if (s > 0 && s <= 200) {
          return s;
        }
      } catch (NumberFormatException e) {
        // fall through to the class default
      }
    }
    return cls.car() ? cls.speedKmh() : HighwayClass.WALKING_SPEED_KMH;
  }
}
