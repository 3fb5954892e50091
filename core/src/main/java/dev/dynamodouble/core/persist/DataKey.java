package dev.dynamodouble.core.persist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit key that encrypts a data directory at rest ({@code --data-key FILE}). Every log record
 * (item changes, catalogs, checkpoint blocks) is sealed with AES-GCM under a nonce made of the
 * segment's random salt and the record's index in the segment; the segment header holds a key
 * check (the tag of an empty message), so a wrong key is refused before anything is read or changed.
 */
public final class DataKey {
  static final int SALT_BYTES = 8;
  static final int TAG_BYTES = 16;
  /** The record index of the key check: never a record's. */
  private static final int CHECK_INDEX = -1;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final String source;

  private DataKey(byte[] key, String source) {
    this.key = new SecretKeySpec(key, "AES");
    this.source = source;
  }

  /**
   * Reads a key file: 32 bytes, or (trimmed) 64 hex digits or the base64 of 32 bytes.
   *
   * @throws DataDirectoryException when the file cannot be read or holds no 256-bit key
   */
  public static DataKey read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new DataDirectoryException("cannot read the data key " + file + ": " + e, e);
    }
    if (bytes.length == 32) {
      return new DataKey(bytes, file.toString());
    }
    String text = new String(bytes, StandardCharsets.US_ASCII).trim();
    try {
      byte[] key = text.length() == 64 ? HexFormat.of().parseHex(text) : Base64.getDecoder().decode(text);
      if (key.length == 32) {
        return new DataKey(key, file.toString());
      }
    } catch (IllegalArgumentException notHexNorBase64) {
      // refused below
    }
    throw new DataDirectoryException("the data key " + file + " holds no 256-bit key (it must be 32 bytes, "
        + "64 hex digits or the base64 of 32 bytes, e.g. from: openssl rand -hex 32)");
  }

  /** Creates a key from its 32 bytes (tests, the Java API). */
  public static DataKey of(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("a data key has 32 bytes, not " + key.length);
    }
    return new DataKey(key.clone(), "the given key");
  }

  /** Where the key came from, for messages. */
  String source() {
    return source;
  }

  /** The sealing of a new segment, with a fresh random salt. */
  Sealing newSegment() {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return new Sealing(salt);
  }

  /** The sealing of an existing segment, or null when this key does not open it (its key check fails). */
  Sealing open(byte[] salt, byte[] check) {
    Sealing sealing = new Sealing(salt);
    return java.security.MessageDigest.isEqual(sealing.check(), check) ? sealing : null;
  }

  /** AES-GCM for one segment's records. Not thread-safe: one writer, or one reader. */
  final class Sealing {
    private final byte[] salt;
    private final Cipher cipher;
    /** The key check, sealed once: GCM refuses to encrypt twice under one nonce. */
    private final byte[] check;

    private Sealing(byte[] salt) {
      this.salt = salt;
      try {
        this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("this JDK offers no AES-GCM", e);
      }
      this.check = seal(CHECK_INDEX, new byte[0], 0, 0);
    }

    byte[] salt() {
      return salt.clone();
    }

    /** The key check written in the segment header. */
    byte[] check() {
      return check.clone();
    }

    /** Record {@code index}'s payload, sealed: {@code length + TAG_BYTES} bytes. */
    byte[] seal(int index, byte[] plain, int offset, int length) {
      try {
        cipher.init(Cipher.ENCRYPT_MODE, key, nonce(index));
        return cipher.doFinal(plain, offset, length);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-GCM failed", e);
      }
    }

    /** Record {@code index}'s payload, opened; a {@link CorruptDataException} when it fails authentication. */
    byte[] open(int index, byte[] sealed, int offset, int length) {
      try {
        cipher.init(Cipher.DECRYPT_MODE, key, nonce(index));
        return cipher.doFinal(sealed, offset, length);
      } catch (GeneralSecurityException e) {
        throw new CorruptDataException("record " + index + " fails authentication (changed after it was written)");
      }
    }

    private GCMParameterSpec nonce(int index) {
      byte[] nonce = new byte[12];
      System.arraycopy(salt, 0, nonce, 0, SALT_BYTES);
      nonce[8] = (byte) (index >>> 24);
      nonce[9] = (byte) (index >>> 16);
      nonce[10] = (byte) (index >>> 8);
      nonce[11] = (byte) index;
      return new GCMParameterSpec(TAG_BYTES * 8, nonce);
    }
  }
}
