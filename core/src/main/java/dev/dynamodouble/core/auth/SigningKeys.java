package dev.dynamodouble.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SigV4 signing keys, derived once per secret, day, region and service (four HMACs) and then
 * reused: a key is valid for a whole day, so a verified request costs two SHA-256 and one HMAC.
 */
final class SigningKeys {
  /** A day's keys for a few clients and regions; cleared when it grows past this (a new day). */
  private static final int MAX_KEYS = 1024;
  private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
    try {
      return Mac.getInstance("HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  });

  private final ConcurrentHashMap<String, Mac> keys = new ConcurrentHashMap<>();

  /**
   * The signature of {@code stringToSign} with the signing key of {@code secret} for the scope
   * {@code date/region/service/aws4_request}. The key, and a Mac initialised with it, are cached.
   */
  byte[] sign(String secret, String date, String region, String service, String stringToSign) {
    String cacheKey = secret + '\n' + date + '\n' + region + '\n' + service;
    Mac prototype = keys.get(cacheKey);
    if (prototype == null) {
      byte[] derived = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
      derived = hmac(derived, region);
      derived = hmac(derived, service);
      prototype = mac(hmac(derived, "aws4_request"));
      if (keys.size() >= MAX_KEYS) {
        keys.clear();
      }
      keys.put(cacheKey, prototype);
    }
    Mac mac;
    try {
      mac = (Mac) prototype.clone(); // cheaper than deriving or initialising again
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
    return mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8));
  }

  private static Mac mac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  static byte[] hmac(byte[] key, String data) {
    Mac mac = MAC.get();
    try {
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (java.security.InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }
}
