package io.citytwin.ingest.telemetry;

/**
 * The telemetry topic {@code citytwin/v1/sensors/{sensorId}/telemetry} and the sensor id in it.
 *
 * <p>A legal sensor id is 1..{@value #MAX_SENSOR_ID_LENGTH} characters from {@code A-Z a-z 0-9}
 * and {@code - _ . :}, starting with a letter or digit: safe as an MQTT topic level (no
 * wildcards, no {@code /}, no {@code $}), as a SenML name prefix and as a Kafka key.
 *
 * @param sensorId a legal sensor id
 */
public record TelemetryTopic(String sensorId) implements TopicResult {

    /** The subscription covering every sensor's telemetry. */
    public static final String SUBSCRIPTION = "citytwin/v1/sensors/+/telemetry";
    public static final int MAX_SENSOR_ID_LENGTH = 64;

    private static final String PREFIX = "citytwin/v1/sensors/";
    private static final String SUFFIX = "/telemetry";

    public TelemetryTopic {
        String problem = sensorIdProblem(sensorId);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** The topic this sensor publishes on. */
    public String topic() {
        return PREFIX + sensorId + SUFFIX;
    }

    /** The topic for {@code sensorId}, which must be legal. */
    public static String topicFor(String sensorId) {
        return new TelemetryTopic(sensorId).topic();
    }

    /**
     * Parses an incoming topic name. Never throws.
     *
     * @return the sensor id, or a {@link RejectReason#BAD_TOPIC} rejection saying what is wrong
     */
    public static TopicResult parse(String topic) {
        if (topic == null) {
            return new Rejection(RejectReason.BAD_TOPIC, "no topic");
        }
        if (!topic.startsWith(PREFIX) || !topic.endsWith(SUFFIX)
                || topic.length() < PREFIX.length() + SUFFIX.length()) {
            return new Rejection(RejectReason.BAD_TOPIC,
                    "topic " + Details.quote(topic) + " is not " + PREFIX + "{sensorId}" + SUFFIX);
        }
        String id = topic.substring(PREFIX.length(), topic.length() - SUFFIX.length());
        String problem = sensorIdProblem(id);
        if (problem != null) {
            return new Rejection(RejectReason.BAD_TOPIC, "topic " + Details.quote(topic) + ": " + problem);
        }
        return new TelemetryTopic(id);
    }

    /** Whether {@code id} is a legal sensor id (see the class comment). */
    public static boolean isLegalSensorId(String id) {
        return sensorIdProblem(id) == null;
    }

    private static String sensorIdProblem(String id) {
        if (id == null || id.isEmpty()) {
            return "sensor id is empty";
        }
        if (id.length() > MAX_SENSOR_ID_LENGTH) {
            return "sensor id is " + id.length() + " characters, limit is " + MAX_SENSOR_ID_LENGTH;
        }
        if (!isAlphanumeric(id.charAt(0))) {
            return "sensor id must start with a letter or digit";
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!isAlphanumeric(c) && c != '-' && c != '_' && c != '.' && c != ':') {
                return "sensor id has illegal character " + Details.describeChar(c) + " at index " + i;
            }
        }
        return null;
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
