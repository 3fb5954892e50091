package dev.dynamodouble.core.server;

import dev.dynamodouble.core.pipeline.RequestHead;
import io.netty.handler.codec.http.HttpRequest;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

/** The {@link RequestHead} of a request Netty decoded. */
final class NettyRequestHead implements RequestHead {
  private final HttpRequest request;
  private final boolean secure;
  private final SocketAddress remote;

  NettyRequestHead(HttpRequest request, boolean secure, SocketAddress remote) {
    this.request = request;
    this.secure = secure;
    this.remote = remote;
  }

  @Override
  public String method() {
    return request.method().name();
  }

  @Override
  public String rawPath() {
    String uri = request.uri();
    int query = uri.indexOf('?');
    return query < 0 ? uri : uri.substring(0, query);
  }

  @Override
  public String rawQuery() {
    String uri = request.uri();
    int query = uri.indexOf('?');
    return query < 0 ? "" : uri.substring(query + 1);
  }

  @Override
  public List<String> headers(String name) {
    return request.headers().getAll(name);
  }

  @Override
  public String header(String name) {
    return request.headers().get(name);
  }

  @Override
  public boolean secure() {
    return secure;
  }

  @Override
  public String sourceIp() {
    return remote instanceof InetSocketAddress address && address.getAddress() != null
        ? address.getAddress().getHostAddress() : null;
  }
}
