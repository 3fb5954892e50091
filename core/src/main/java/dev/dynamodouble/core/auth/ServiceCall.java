package dev.dynamodouble.core.auth;

import dev.dynamodouble.core.pipeline.RequestHead;
import java.util.List;

/**
 * The head of a request a service inside the engine makes on its own authority, not a client's:
 * a DAX cluster reading and writing its tables with its own role, after it has authenticated and
 * authorized its client itself (see {@link DaxAccessControl}). The auth stage lets it through;
 * nothing outside the JVM can present one.
 */
public final class ServiceCall implements RequestHead {
  /** The only instance. */
  public static final ServiceCall HEAD = new ServiceCall();

  private ServiceCall() {}

  @Override
  public String method() {
    return "POST";
  }

  @Override
  public String rawPath() {
    return "/";
  }

  @Override
  public String rawQuery() {
    return "";
  }

  @Override
  public List<String> headers(String name) {
    return List.of();
  }

  @Override
  public boolean secure() {
    return true;
  }
}
