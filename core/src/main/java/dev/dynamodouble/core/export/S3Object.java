package dev.dynamodouble.core.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An object being written to the S3 stand-in: counts its bytes and computes its MD5 as they go, so
 * a manifest can carry the object's md5Checksum (base64, as S3's Content-MD5) and ETag without
 * reading the file again.
 */
final class S3Object extends FilterOutputStream {
  private final MessageDigest md5;

  private S3Object(OutputStream file) {
    super(file);
    this.md5 = md5();
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

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    md5.update((byte) b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    md5.update(b, off, len);
  }

  /** The digest of everything written; call once, after closing. */
  byte[] digest() {
    return md5.digest();
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
