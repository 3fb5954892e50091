package dev.dynamodouble.core.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An object being written to the S3 stand-in: computes its MD5 as it goes, so a manifest can carry
 * the object's md5Checksum (base64, as S3's Content-MD5) and ETag without reading the file again.
 */
final class S3Object extends DigestOutputStream {
  private S3Object(OutputStream file) {
    super(file, md5());
  }

  /** Creates (or replaces) the object's file, its directories first. */
  static S3Object create(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    return new S3Object(new java.io.BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));
  }

  static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has MD5", e);
    }
  }

  /** The digest of everything written; call once, after closing. */
  byte[] digest() {
    return getMessageDigest().digest();
  }

  static String base64(byte[] digest) {
    return Base64.getEncoder().encodeToString(digest);
  }

  /**
   * The ETag S3 gives an object uploaded in one part of a multipart upload, as DynamoDB's exports
   * are: the MD5 of the part's MD5, in hex, and "-1".
   */
  static String multipartEtag(byte[] digest) {
    return HexFormat.of().formatHex(md5().digest(digest)) + "-1";
  }
}
