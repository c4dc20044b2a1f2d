package io.citytwin.ingest.testing;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka (KRaft, broker and controller in one process) inside the test JVM, on
 * a free port, with its logs in a temporary directory that is deleted on {@link #close()}.
 *
 * <p>With a single broker every internal topic must have replication factor 1 and min.isr 1, or
 * consumer groups and transactions wait forever for replicas that never come. Automatic topic
 * creation is off, so code under test must create its topics. The initial rebalance delay is 0 so
 * a consumer group forms at once. Starts in about 1.5 s as the first broker of a JVM (class
 * loading), 0.4 s after that.
 *
 * <p>Other modules get it from ingest's {@code tests} jar; they must declare {@code
 * org.apache.kafka:kafka-test-common-runtime} in test scope themselves.
 */
public final class KafkaBroker implements AutoCloseable {

  private final KafkaClusterTestKit cluster;
  private final long startupMillis;

  private KafkaBroker(KafkaClusterTestKit cluster, long startupMillis) {
    this.cluster = cluster;
    this.startupMillis = startupMillis;
  }

  /** Formats, starts and waits for a broker that accepts clients. */
  public static KafkaBroker start() throws Exception {
    long started = System.nanoTime();
    KafkaClusterTestKit cluster =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("offsets.topic.num.partitions", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("transaction.state.log.num.partitions", "1")
            .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
            .setConfigProp("share.coordinator.state.topic.min.isr", "1")
            .setConfigProp("min.insync.replicas", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .setConfigProp("auto.create.topics.enable", "false")
            .setDeleteOnClose(true)
            .build();
    try {
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
    return new KafkaBroker(cluster, (System.nanoTime() - started) / 1_000_000);
  }

  /** {@code host:port} for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** How long {@link #start()} took, in milliseconds. */
  public long startupMillis() {
    return startupMillis;
  }

  /** A new admin client on this broker; the caller closes it. */
  public Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }
}
