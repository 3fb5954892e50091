package dev.dynamodouble.core.server;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * A self-signed X.509 v3 certificate for {@code localhost} and the loopback addresses, on a fresh
 * EC P-256 key, written with the JDK alone (no BouncyCastle; the JDK's own generator is internal).
 */
final class CertificateGenerator {
  private static final String SHA256_WITH_ECDSA = "1.2.840.10045.4.3.2";
  private static final DateTimeFormatter GENERALIZED =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

  private CertificateGenerator() {}

  record Generated(X509Certificate certificate, KeyPair keys) {}

  static Generated generate(String commonName, List<String> hosts, Instant now) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    KeyPair keys = generator.generateKeyPair();
    byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid("2.5.4.3"), Der.utf8(commonName))));
    byte[] algorithm = Der.sequence(Der.oid(SHA256_WITH_ECDSA));
    byte[] publicKey = keys.getPublic().getEncoded(); // already a SubjectPublicKeyInfo
    byte[] keyId = Arrays.copyOf(MessageDigest.getInstance("SHA-1").digest(publicKey), 20);
    byte[] tbs = Der.sequence(
        Der.context(0, true, Der.integer(BigInteger.valueOf(2))), // v3
        Der.integer(new BigInteger(64, new SecureRandom()).setBit(62)),
        algorithm,
        name,
        Der.sequence(Der.time(GENERALIZED.format(now.minusSeconds(86_400))),
            Der.time(GENERALIZED.format(now.plusSeconds(825L * 86_400)))),
        name,
        publicKey,
        Der.context(3, true, Der.sequence(
            extension("2.5.29.19", true, Der.sequence(Der.bool(true))), // a CA: clients may trust it as a root
            extension("2.5.29.15", true, Der.bits(new byte[] {(byte) 0xa4})), // digitalSignature, keyCertSign
            extension("2.5.29.37", false, Der.sequence(Der.oid("1.3.6.1.5.5.7.3.1"))), // serverAuth
            extension("2.5.29.14", false, Der.octets(keyId)),
            extension("2.5.29.17", false, subjectAltNames(hosts)))));
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(keys.getPrivate());
    signer.update(tbs);
    byte[] certificate = Der.sequence(tbs, algorithm, Der.bits(signer.sign()));
    X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(certificate));
    parsed.verify(keys.getPublic());
    return new Generated(parsed, keys);
  }

  private static byte[] extension(String oid, boolean critical, byte[] value) {
    return critical ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octets(value))
        : Der.sequence(Der.oid(oid), Der.octets(value));
  }

  private static byte[] subjectAltNames(List<String> hosts) {
    byte[][] names = new byte[hosts.size()][];
    for (int i = 0; i < hosts.size(); i++) {
      String host = hosts.get(i);
      if (Character.isDigit(host.charAt(0)) || host.contains(":")) {
        try {
          names[i] = Der.context(7, false, InetAddress.getByName(host).getAddress()); // iPAddress
        } catch (java.net.UnknownHostException e) {
          throw new IllegalArgumentException("not an IP address: " + host, e);
        }
      } else {
        names[i] = Der.context(2, false, host.getBytes(java.nio.charset.StandardCharsets.US_ASCII)); // dNSName
      }
    }
    return Der.sequence(names);
  }
}
