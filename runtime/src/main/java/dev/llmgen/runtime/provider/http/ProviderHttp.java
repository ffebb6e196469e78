package dev.llmgen.runtime.provider.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/** What a provider builds from its base URI: the endpoint it posts to and, when it is given none, its client. */
public final class ProviderHttp {

  private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private ProviderHttp() {}

  /** The endpoint at {@code path} below {@code baseUri}, whether or not that ends with a slash. */
  public static URI endpoint(URI baseUri, String path) {
    String base = baseUri.toString();
    return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
  }

  /**
   * HTTP/2 over TLS; HTTP/1.1 for plain-http servers (local ones, proxies, tests), which do not expect
   * the {@code h2c} upgrade the JDK would otherwise offer. Connecting never takes longer than ten seconds.
   */
  public static HttpClient client(URI baseUri, Duration timeout) {
    boolean tls = "https".equalsIgnoreCase(baseUri.getScheme());
    return HttpClient.newBuilder()
        .version(tls ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? timeout : MAX_CONNECT_TIMEOUT)
        .build();
  }
}
