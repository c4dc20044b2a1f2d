package io.citytwin.twin.cap;

import java.util.Optional;

/** The CAP versions read: 1.2 (current, also written) and 1.1, which maps onto the same model. */
public enum CapVersion {
  V1_1("urn:oasis:names:tc:emergency:cap:1.1", "cap11.xsd"),
  V1_2("urn:oasis:names:tc:emergency:cap:1.2", "cap12.xsd");

  private final String namespace;
  private final String schemaResource;

  CapVersion(String namespace, String schemaResource) {
    this.namespace = namespace;
    this.schemaResource = schemaResource;
  }

  /** The XML namespace of the version's elements. */
  public String namespace() {
    return namespace;
  }

  String schemaResource() {
    return schemaResource;
  }

  public static Optional<CapVersion> forNamespace(String namespace) {
    for (CapVersion v : values()) {
      if (v.namespace.equals(namespace)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
