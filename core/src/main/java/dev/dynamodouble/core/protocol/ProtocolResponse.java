package dev.dynamodouble.core.protocol;

/** A finished response: status, body bytes and their CRC32 (for x-amz-crc32). */
public record ProtocolResponse(int status, byte[] body, long crc32) {}
