package dev.dynamodouble.core.fault;

import java.time.Duration;

/**
 * The note a rule leaves for the transport: hold the response back for {@code delay}, then send
 * it, or do {@code wire} instead (null: send it as it is). The HTTP server reads it after the
 * operation ran; a delay is a real one, on the transport's timer.
 */
public record TransportFault(Duration delay, FaultEffect.Wire wire) {
  public static final TransportFault NONE = new TransportFault(Duration.ZERO, null);

  /** The x-amz-crc32 to send for a body whose CRC32 is {@code crc32}: a wrong one when {@code fault} asks for it. */
  public static long crc32(TransportFault fault, long crc32) {
    return fault != null && fault.wire() == FaultEffect.Wire.BAD_CRC32 ? (~crc32) & 0xFFFFFFFFL : crc32;
  }

  TransportFault plus(FaultEffect effect) {
    if (effect instanceof FaultEffect.Latency latency) {
      return new TransportFault(delay.plus(latency.delay()), wire);
    }
    return new TransportFault(delay, ((FaultEffect.Transport) effect).wire());
  }
}
