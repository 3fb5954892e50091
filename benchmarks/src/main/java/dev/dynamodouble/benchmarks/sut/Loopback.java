package dev.dynamodouble.benchmarks.sut;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** 127.0.0.1, the only address the benchmark servers listen on. */
public final class Loopback {

  public static final String HOST = "127.0.0.1";
  public static final InetAddress ADDRESS = address();

  private Loopback() {}

  private static InetAddress address() {
    try {
      return InetAddress.getByAddress(HOST, new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
