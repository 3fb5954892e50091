package dev.dynamodouble.core.fault;

import java.time.Duration;

/**
 * The note a rule leaves for the transport: hold the response back for {@code delay}, then send
 * it, or do {@code wire} instead (null: send it as it is). The HTTP server reads it after the
 * operation ran; a delay is a real one, on the transport's timer.
 */
public record TransportFault(Duration delay, FaultEffect.Wire wire) {
  public static final TransportFault NONE = new TransportFault(Duration.ZERO, null);

  TransportFault plus(FaultEffect effect) {
    if (effect instanceof FaultEffect.Latency latency) {
      return new TransportFault(delay.plus(latency.delay()), wire);
    }
    return new TransportFault(delay, ((FaultEffect.Transport) effect).wire());
  }
}
