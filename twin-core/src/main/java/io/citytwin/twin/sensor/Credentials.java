package io.citytwin.twin.sensor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * MQTT credentials of a sensor: the user name and a salted SHA-256 hash of its secret. Only the
 * hash is stored; {@link #matches} compares in constant time.
 *
 * <p>A single salted SHA-256 suffices because device secrets are generated, high-entropy tokens
 * (see {@link #generateSecret}), not human passwords: a slow KDF would only slow every reconnect
 * storm of a large fleet without making a 128-bit secret any harder to guess.
 *
 * @param username MQTT user name (normally the sensor id)
 * @param salt Base64 salt
 * @param hash Base64 SHA-256 of salt bytes followed by the UTF-8 secret
 */
public record Credentials(String username, String salt, String hash) {
  private static final SecureRandom RANDOM = new SecureRandom();

  public Credentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(hash, "hash");
  }

  /** Credentials for {@code secret} with a fresh random salt. */
  public static Credentials forSecret(String username, String secret) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return forSecret(username, secret, salt);
  }

  /** Credentials for {@code secret} with the given salt (deterministic, for generated fleets). */
  public static Credentials forSecret(String username, String secret, byte[] salt) {
    Base64.Encoder b64 = Base64.getEncoder();
    return new Credentials(username, b64.encodeToString(salt), b64.encodeToString(digest(salt, secret)));
  }

  /** A new random secret: 128 bits, URL-safe Base64 without padding. */
  public static String generateSecret() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** Whether {@code username}/{@code secret} are these credentials. Constant time in the hash. */
  public boolean matches(String user, byte[] secret) {
    if (!username.equals(user) || secret == null) {
      return false;
    }
    byte[] expected = Base64.getDecoder().decode(hash);
    byte[] actual = digest(Base64.getDecoder().decode(salt), new String(secret, StandardCharsets.UTF_8));
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] digest(byte[] salt, String secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      return sha.digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  @Override
  public String toString() {
    return "Credentials[" + username + ", hash hidden]";
  }
}
