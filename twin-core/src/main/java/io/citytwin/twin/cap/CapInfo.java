package io.citytwin.twin.cap;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A CAP {@code <info>} block: the event, how urgent, severe and certain it is, what to do, and
 * where ({@link CapArea}s). An alert may carry one per language. Optional text fields are null when
 * absent (empty text reads as absent); lists are never null; times are normalised as in
 * {@link CapTime#normalize}.
 *
 * @param language RFC 3066 language tag; CAP's default {@code en-US} when null is given
 * @param categories at least one is required by CAP ({@link CapRules} checks)
 */
public record CapInfo(
    String language,
    List<CapCategory> categories,
    String event,
    List<CapResponseType> responseTypes,
    CapUrgency urgency,
    CapSeverity severity,
    CapCertainty certainty,
    String audience,
    List<CapValuePair> eventCodes,
    OffsetDateTime effective,
    OffsetDateTime onset,
    OffsetDateTime expires,
    String senderName,
    String headline,
    String description,
    String instruction,
    String web,
    String contact,
    List<CapValuePair> parameters,
    List<CapResource> resources,
    List<CapArea> areas) {

  /** The language CAP assumes when {@code <language>} is absent. */
  public static final String DEFAULT_LANGUAGE = "en-US";

  public CapInfo {
    language = Objects.requireNonNullElse(
        CapAlert.emptyToNull(CapText.collapse(language)), DEFAULT_LANGUAGE);
    categories = CapAlert.copy(categories);
    Objects.requireNonNull(event, "event");
    responseTypes = CapAlert.copy(responseTypes);
    Objects.requireNonNull(urgency, "urgency");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(certainty, "certainty");
    audience = CapAlert.emptyToNull(audience);
    eventCodes = CapAlert.copy(eventCodes);
    effective = effective == null ? null : CapTime.normalize(effective);
    onset = onset == null ? null : CapTime.normalize(onset);
    expires = expires == null ? null : CapTime.normalize(expires);
    senderName = CapAlert.emptyToNull(senderName);
    headline = CapAlert.emptyToNull(headline);
    description = CapAlert.emptyToNull(description);
    instruction = CapAlert.emptyToNull(instruction);
    web = CapAlert.emptyToNull(CapText.collapse(web));
    contact = CapAlert.emptyToNull(contact);
    parameters = CapAlert.copy(parameters);
    resources = CapAlert.copy(resources);
    areas = CapAlert.copy(areas);
  }

  /** An info block with the four required values; add the rest on the builder. */
  public static Builder builder(
      String event, CapUrgency urgency, CapSeverity severity, CapCertainty certainty) {
    return new Builder(event, urgency, severity, certainty);
  }

  /** Collects the optional parts of an info block; not thread-safe. */
  public static final class Builder {
    private final String event;
    private final CapUrgency urgency;
    private final CapSeverity severity;
    private final CapCertainty certainty;
    private String language;
    private final List<CapCategory> categories = new ArrayList<>();
    private final List<CapResponseType> responseTypes = new ArrayList<>();
    private String audience;
    private final List<CapValuePair> eventCodes = new ArrayList<>();
    private OffsetDateTime effective;
    private OffsetDateTime onset;
    private OffsetDateTime expires;
    private String senderName;
    private String headline;
    private String description;
    private String instruction;
    private String web;
    private String contact;
    private final List<CapValuePair> parameters = new ArrayList<>();
    private final List<CapResource> resources = new ArrayList<>();
    private final List<CapArea> areas = new ArrayList<>();

    private Builder(String event, CapUrgency urgency, CapSeverity severity, CapCertainty certainty) {
      this.event = event;
      this.urgency = urgency;
      this.severity = severity;
      this.certainty = certainty;
    }

    public Builder language(String tag) {
      this.language = tag;
      return this;
    }

    public Builder category(CapCategory category) {
      categories.add(category);
      return this;
    }

    public Builder responseType(CapResponseType type) {
      responseTypes.add(type);
      return this;
    }

    public Builder audience(String text) {
      this.audience = text;
      return this;
    }

    public Builder eventCode(String valueName, String value) {
      eventCodes.add(new CapValuePair(valueName, value));
      return this;
    }

    /** Effective, onset and expiry times; each may be null. */
    public Builder times(OffsetDateTime effective, OffsetDateTime onset, OffsetDateTime expires) {
      this.effective = effective;
      this.onset = onset;
      this.expires = expires;
      return this;
    }

    public Builder senderName(String text) {
      this.senderName = text;
      return this;
    }

    public Builder headline(String text) {
      this.headline = text;
      return this;
    }

    public Builder description(String text) {
      this.description = text;
      return this;
    }

    public Builder instruction(String text) {
      this.instruction = text;
      return this;
    }

    public Builder web(String uri) {
      this.web = uri;
      return this;
    }

    public Builder contact(String text) {
      this.contact = text;
      return this;
    }

    public Builder parameter(String valueName, String value) {
      parameters.add(new CapValuePair(valueName, value));
      return this;
    }

    public Builder resource(CapResource resource) {
      resources.add(resource);
      return this;
    }

    public Builder area(CapArea area) {
      areas.add(area);
      return this;
    }

    public CapInfo build() {
      return new CapInfo(
          language, categories, event, responseTypes, urgency, severity, certainty, audience,
          eventCodes, effective, onset, expires, senderName, headline, description, instruction,
          web, contact, parameters, resources, areas);
    }
  }
}
