package io.citytwin.sim.evacuation;

import io.citytwin.geo.road.RoadGraph;
import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * The queue-based link model for cars (the model of MATSim's QSim: Gawron 1998, "An iterative
 * algorithm to determine the dynamic user equilibrium in a traffic simulation model", Int. J. Mod.
 * Phys. C 9(3); Cetin, Burri and Nagel 2003, "A large-scale agent-based traffic microsimulation
 * based on queue model", STRC). Every directed edge is a FIFO queue:
 *
 * <ul>
 *   <li>a vehicle entering a link at time t may leave it at t + free-flow time at the earliest;
 *   <li>vehicles leave at most at the link's flow capacity: two exits are at least 3600 /
 *       capacity seconds apart (kept in continuous time, so a saturated link discharges exactly at
 *       capacity whatever the tick);
 *   <li>a vehicle leaves only into a next link that has room: <b>a link never holds more vehicles
 *       than its storage capacity</b> (see {@link CarLinks}), so queues spill back upstream;
 *   <li>departing vehicles wait off the road until their first link has room (MATSim's waiting
 *       list); a vehicle arrives when it leaves the last link of its route (at the exit rate).
 * </ul>
 *
 * <p>Time advances in ticks; within a tick vehicles move as often as their exit times allow, so a
 * vehicle alone on the network arrives exactly after the sum of free-flow times. Links are served
 * in an order shuffled every tick from the seeded generator (MATSim randomises node order for the
 * same reason: fairness between competing in-links); a link unblocked during the tick is served
 * again in the same tick. Backward-travelling holes and intersection conflicts are not modelled.
 * Optionally a vehicle that has stood at the head of a queue, blocked by a full next link, for
 * {@code abandonAfterS} is abandoned (its occupants walk on; see {@link Listener#abandoned}),
 * which breaks gridlock without ever exceeding a storage capacity.
 *
 * <p>Not thread-safe; deterministic for a given seed and sequence of calls.
 */
public final class LinkQueues {

  /** Told when vehicles leave the network. Called from {@link #advance}, in time order per link. */
  public interface Listener {
    /** The vehicle left the last link of its route at {@code timeS}. */
    void arrived(int vehicle, double timeS);

    /** The vehicle was given up at the end of link {@code edge} at {@code timeS}. */
    default void abandoned(int vehicle, int edge, double timeS) {
      throw new IllegalStateException("vehicle " + vehicle + " abandoned without a handler");
    }
  }

  /** Where a vehicle is. */
  public enum State {
    /** Added, departure time not reached. */
    PENDING,
    /** Departed, waiting off the road for room on its first link. */
    WAITING,
    ON_LINK,
    ARRIVED,
    ABANDONED
  }

  private static final State[] STATES = State.values();
  private static final byte PENDING = 0;
  private static final byte WAITING = 1;
  private static final byte ON_LINK = 2;
  private static final byte ARRIVED = 3;
  private static final byte ABANDONED = 4;

  private final CarLinks links;
  private final RoadGraph graph;
  private final Listener listener;
  private final SplittableRandom order;
  private final double abandonAfterS;
  private final int linkCount;

  // Per link. A link's queue is a ring of exactly its storage capacity.
  private final int[] ring;
  private final int[] ringStart;
  private final int[] head;
  private final int[] count;
  private final double[] nextFreeExit;
  private final double[] lastFreedAt;
  private final double[] blockedSince;
  private final WaitingLists waitingFor;
  private final Blockages blockages;
  private final int[] woken;
  private final boolean[] closed;
  private final boolean[] inWork;
  private final boolean[] isActive;
  private final int[] work;
  private int workHead;
  private int workSize;
  private final int[] active;
  private int activeSize;

  // Per vehicle, grown on demand.
  private int vehicles;
  private int[][] route = new int[64][];
  private int[] pos = new int[64];
  private double[] departS = new double[64];
  private double[] exitTime = new double[64];
  private byte[] state = new byte[64];
  private final Departures pending = new Departures();

  private double now;
  private double tickStart;
  private int onLinks;
  private int waiting;
  private long vehicleLinkSteps;
  private long moves;

  /**
   * @param startS model time at which the network starts, seconds
   * @param seed seeds the per-tick link order
   * @param abandonAfterS seconds a vehicle may stand blocked at a queue head before it is
   *     abandoned; {@code Double.POSITIVE_INFINITY} for never
   */
  public LinkQueues(CarLinks links, Listener listener, long seed, double startS, double abandonAfterS) {
    if (!(abandonAfterS > 0)) {
      throw new IllegalArgumentException("abandonAfterS must be positive, was " + abandonAfterS);
    }
    this.links = links;
    this.graph = links.graph();
    this.listener = listener;
    this.order = new SplittableRandom(seed);
    this.abandonAfterS = abandonAfterS;
    this.now = startS;
    this.linkCount = links.size();
    ringStart = new int[linkCount];
    int total = 0;
    for (int l = 0; l < linkCount; l++) {
      ringStart[l] = total;
      total += links.storage(l);
    }
    ring = new int[total];
    head = new int[linkCount];
    count = new int[linkCount];
    nextFreeExit = new double[linkCount];
    Arrays.fill(nextFreeExit, Double.NEGATIVE_INFINITY);
    lastFreedAt = new double[linkCount];
    Arrays.fill(lastFreedAt, Double.NEGATIVE_INFINITY);
    blockedSince = new double[linkCount];
    Arrays.fill(blockedSince, Double.NaN);
    waitingFor = new WaitingLists(linkCount);
    blockages = new Blockages(linkCount);
    woken = new int[linkCount];
    closed = new boolean[linkCount];
    inWork = new boolean[linkCount];
    isActive = new boolean[linkCount];
    work = new int[linkCount];
    active = new int[linkCount];
  }

  public CarLinks links() {
    return links;
  }

  /** Model time reached by {@link #advance}, seconds. */
  public double timeS() {
    return now;
  }

  /**
   * Adds a vehicle that departs at {@code departS} (not before the current time) along {@code
   * route}: drivable edges, each starting where the previous ends; empty when it starts at its
   * destination.
   *
   * @return the vehicle's id, numbered from 0 in the order of adding
   */
  public int add(int[] route, double departS) {
    if (!(departS >= now) || Double.isInfinite(departS)) {
      throw new IllegalArgumentException("departure at " + departS + " s is before the current time " + now + " s");
    }
    checkRoute(route);
    int v = vehicles++;
    grow(v + 1);
    this.route[v] = route.clone();
    this.departS[v] = departS;
    state[v] = PENDING;
    pending.add(v, departS);
    return v;
  }

  /**
   * Replaces what lies ahead of a vehicle. On a link, {@code ahead} starts at that link's end (the
   * link itself is finished first); waiting or pending, {@code ahead} is the whole new route from
   * its origin (an empty route means it is already at its destination and arrives now).
   */
  public void reroute(int v, int[] ahead) {
    byte s = state[v];
    if (s == ON_LINK) {
      int cur = route[v][pos[v]];
      int[] r = new int[ahead.length + 1];
      r[0] = cur;
      System.arraycopy(ahead, 0, r, 1, ahead.length);
      checkRoute(r);
      route[v] = r;
      pos[v] = 0;
      if (count[cur] > 0 && ring[ringStart[cur] + head[cur]] == v) {
        blockages.clear(cur);
        blockedSince[cur] = Double.NaN;
      }
    } else if (s == WAITING) {
      checkRoute(ahead);
      waitingFor.remove(route[v][0], v);
      route[v] = ahead.clone();
      if (ahead.length == 0) {
        waiting--;
        state[v] = ARRIVED;
        listener.arrived(v, now);
      } else {
        appendWait(v, ahead[0]);
      }
    } else if (s == PENDING) {
      checkRoute(ahead);
      route[v] = ahead.clone();
    } else {
      throw new IllegalStateException("vehicle " + v + " is " + STATES[s] + " and has no route ahead");
    }
  }

  /** Sets which links nobody may enter from now on (vehicles already on them finish them). */
  public void setClosed(BitSet closedEdges) {
    for (int l = 0; l < linkCount; l++) {
      closed[l] = closedEdges.get(l);
    }
  }

  /** Advances to {@code untilS} in ticks of at most {@code tickS} seconds. */
  public void advance(double untilS, double tickS) {
    if (untilS < now || !(tickS > 0)) {
      throw new IllegalArgumentException("cannot advance from " + now + " s to " + untilS + " s by " + tickS + " s");
    }
    while (now < untilS) {
      double end = Math.min(now + tickS, untilS);
      tick(end);
      now = end;
    }
  }

  private void tick(double end) {
    tickStart = now;
    vehicleLinkSteps += onLinks;
    release(end);
    collectActive();
    for (int i = 0; i < activeSize; i++) {
      pushWork(active[i]);
    }
    while (workSize > 0) {
      int l = work[workHead];
      workHead = (workHead + 1) % linkCount;
      workSize--;
      inWork[l] = false;
      process(l, end);
    }
  }

  private void release(double end) {
    while (pending.dueBefore(end)) {
      int v = pending.poll();
      if (route[v].length == 0) {
        state[v] = ARRIVED;
        listener.arrived(v, departS[v]);
      } else {
        waiting++;
        appendWait(v, route[v][0]);
      }
    }
  }

  /** Links holding or awaiting vehicles, in a freshly shuffled order. */
  private void collectActive() {
    int kept = 0;
    for (int i = 0; i < activeSize; i++) {
      int l = active[i];
      if (count[l] > 0 || !waitingFor.isEmpty(l)) {
        active[kept++] = l;
      } else {
        isActive[l] = false;
      }
    }
    activeSize = kept;
    for (int i = activeSize - 1; i > 0; i--) {
      int j = order.nextInt(i + 1);
      int t = active[i];
      active[i] = active[j];
      active[j] = t;
    }
  }

  private void process(int l, double end) {
    while (exits(l, end) && admit(l) > 0) {
      // the queue emptied and new vehicles entered: they may be able to leave in this tick too
    }
  }

  /** Lets vehicles leave {@code l} while they may before {@code end}; true when it ends empty. */
  private boolean exits(int l, double end) {
    while (count[l] > 0) {
      int v = ring[ringStart[l] + head[l]];
      double t = Math.max(tickStart, Math.max(exitTime[v], nextFreeExit[l]));
      if (t > end) {
        return false;
      }
      int p = pos[v];
      int[] r = route[v];
      if (p == r.length - 1) {
        popHead(l);
        onLinks--;
        moves++;
        state[v] = ARRIVED;
        listener.arrived(v, t);
      } else {
        int n = r[p + 1];
        if (closed[n] || count[n] >= links.storage(n)) {
          if (Double.isNaN(blockedSince[l])) {
            blockedSince[l] = t;
          }
          if (end - blockedSince[l] < abandonAfterS) {
            blockages.block(l, n);
            return false;
          }
          popHead(l);
          onLinks--;
          state[v] = ABANDONED;
          t = Math.max(t, blockedSince[l] + abandonAfterS);
          listener.abandoned(v, l, t);
        } else {
          popHead(l);
          pos[v] = p + 1;
          exitTime[v] = t + links.freeFlowS(n);
          pushTail(n, v);
          moves++;
          activate(n);
          if (exitTime[v] <= end) {
            pushWork(n);
          }
        }
      }
      blockedSince[l] = Double.NaN;
      blockages.clear(l);
      nextFreeExit[l] = t + links.headwayS(l);
      lastFreedAt[l] = t;
      wake(l, t);
    }
    return true;
  }

  /** Departed vehicles enter {@code l} while it has room; returns how many did. */
  private int admit(int l) {
    int admitted = 0;
    int room = links.storage(l) - count[l];
    while (!waitingFor.isEmpty(l) && admitted < room && !closed[l]) {
      int v = waitingFor.first(l);
      waitingFor.remove(l, v);
      waiting--;
      // Released this tick: enters at its departure time. Waited since an earlier tick: enters when
      // the slot it takes was freed (to within the tick).
      double entry = departS[v] >= tickStart ? departS[v] : Math.max(tickStart, lastFreedAt[l]);
      pos[v] = 0;
      exitTime[v] = entry + links.freeFlowS(l);
      pushTail(l, v);
      onLinks++;
      admitted++;
    }
    return admitted;
  }

  /** {@code n} freed a slot at {@code t}: the links waiting for it try again, not before t. */
  private void wake(int n, double t) {
    int c = blockages.wake(n, woken);
    for (int i = 0; i < c; i++) {
      int u = woken[i];
      if (nextFreeExit[u] < t) {
        nextFreeExit[u] = t;
      }
      pushWork(u);
    }
  }

  private void pushWork(int l) {
    if (!inWork[l]) {
      inWork[l] = true;
      work[(workHead + workSize) % linkCount] = l;
      workSize++;
    }
  }

  private void activate(int l) {
    if (!isActive[l]) {
      isActive[l] = true;
      active[activeSize++] = l;
    }
  }

  private void popHead(int l) {
    head[l] = head[l] + 1 == links.storage(l) ? 0 : head[l] + 1;
    count[l]--;
  }

  private void pushTail(int l, int v) {
    int cap = links.storage(l);
    if (count[l] >= cap) {
      throw new IllegalStateException("link " + l + " is full (" + cap + " vehicles)");
    }
    int slot = head[l] + count[l];
    ring[ringStart[l] + (slot >= cap ? slot - cap : slot)] = v;
    count[l]++;
    state[v] = ON_LINK;
  }

  private void appendWait(int v, int l) {
    state[v] = WAITING;
    waitingFor.append(l, v);
    activate(l);
  }

  private void checkRoute(int[] r) {
    for (int i = 0; i < r.length; i++) {
      if (r[i] < 0 || r[i] >= linkCount || !links.drivable(r[i])) {
        throw new IllegalArgumentException("route edge " + r[i] + " is not a drivable link");
      }
      if (i > 0 && graph.edges().get(r[i - 1]).to() != graph.edges().get(r[i]).from()) {
        throw new IllegalArgumentException("route edges " + r[i - 1] + " and " + r[i] + " are not consecutive");
      }
    }
  }

  private void grow(int n) {
    if (n <= state.length) {
      return;
    }
    int c = Math.max(n, state.length * 2);
    route = Arrays.copyOf(route, c);
    pos = Arrays.copyOf(pos, c);
    departS = Arrays.copyOf(departS, c);
    exitTime = Arrays.copyOf(exitTime, c);
    state = Arrays.copyOf(state, c);
  }

  // ---- queries ----

  /** Vehicles added so far. */
  public int vehicles() {
    return vehicles;
  }

  public State state(int v) {
    return STATES[state[v]];
  }

  /** The link a vehicle is on, or -1 when it is not on a link. */
  public int currentEdge(int v) {
    return state[v] == ON_LINK ? route[v][pos[v]] : -1;
  }

  /** Index in {@link #routeEdge} of the link the vehicle is on (0 before it enters the road). */
  public int position(int v) {
    return pos[v];
  }

  public int routeLength(int v) {
    return route[v].length;
  }

  public int routeEdge(int v, int i) {
    return route[v][i];
  }

  /** Vehicles on link {@code edge} now; never more than {@code links().storage(edge)}. */
  public int occupancy(int edge) {
    return count[edge];
  }

  /** Vehicles on {@code edge} that could have left it by {@code atS} at free flow: the queue. */
  public int queued(int edge, double atS) {
    int q = 0;
    int cap = links.storage(edge);
    for (int i = 0; i < count[edge]; i++) {
      int slot = head[edge] + i;
      if (exitTime[ring[ringStart[edge] + (slot >= cap ? slot - cap : slot)]] <= atS) {
        q++;
      }
    }
    return q;
  }

  /** Vehicles on links. */
  public int onLinks() {
    return onLinks;
  }

  /** Departed vehicles waiting for room on their first link. */
  public int waiting() {
    return waiting;
  }

  /** Sum over ticks of the vehicles on links at the tick's start: the vehicle-link updates done. */
  public long vehicleLinkSteps() {
    return vehicleLinkSteps;
  }

  /** Vehicles moved from one link to the next or off the network. */
  public long moves() {
    return moves;
  }
}
