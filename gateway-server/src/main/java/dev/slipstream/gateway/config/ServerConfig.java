package dev.slipstream.gateway.config;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * The listening socket and transport limits.
 *
 * @param host the address to bind; {@code 0.0.0.0} for every interface
 * @param maxRequestBytes the largest request body or gRPC message accepted at the transport
 * @param requestTimeoutMs the longest a request may take when the caller sets no deadline
 * @param docsEnabled whether the browsable API docs are served at {@code /docs}
 * @param upstreamConnectionPoolSize idle connections to providers kept for reuse, in all, by the JDK client
 *                                   (the provider kinds outside the OpenAI family); its pool is scanned
 *                                   linearly, so an unbounded one slows every call after a burst (the JVM
 *                                   property {@code jdk.httpclient.connectionPoolSize} wins)
 * @param metricsRequireAdmin whether {@code GET /metrics} needs an API key with scope {@code admin}; off by
 *                            default, for scrapers inside the operator's network
 */
public record ServerConfig(String host, Integer port, Long maxRequestBytes, Long requestTimeoutMs,
                           Boolean docsEnabled, Long shutdownGraceMs, Integer upstreamConnectionPoolSize,
                           Boolean metricsRequireAdmin) {
    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 4L * 1024 * 1024;
    public static final long DEFAULT_REQUEST_TIMEOUT_MS = 120_000;
    public static final long DEFAULT_SHUTDOWN_GRACE_MS = 2_000;
    public static final int DEFAULT_UPSTREAM_CONNECTION_POOL_SIZE = 128;

    public static final ServerConfig DEFAULT = new ServerConfig(null, null, null, null, null, null, null, null);

    public ServerConfig(@Nullable String host, @Nullable Integer port, @Nullable Long maxRequestBytes,
                        @Nullable Long requestTimeoutMs, @Nullable Boolean docsEnabled,
                        @Nullable Long shutdownGraceMs, @Nullable Integer upstreamConnectionPoolSize,
                        @Nullable Boolean metricsRequireAdmin) {
        this.host = host == null ? DEFAULT_HOST : host;
        this.port = port == null ? DEFAULT_PORT : port;
        this.maxRequestBytes = maxRequestBytes == null ? DEFAULT_MAX_REQUEST_BYTES : maxRequestBytes;
        this.requestTimeoutMs = requestTimeoutMs == null ? DEFAULT_REQUEST_TIMEOUT_MS : requestTimeoutMs;
        this.docsEnabled = docsEnabled == null || docsEnabled;
        this.shutdownGraceMs = shutdownGraceMs == null ? DEFAULT_SHUTDOWN_GRACE_MS : shutdownGraceMs;
        this.upstreamConnectionPoolSize = upstreamConnectionPoolSize == null ? DEFAULT_UPSTREAM_CONNECTION_POOL_SIZE
                                                                             : upstreamConnectionPoolSize;
        this.metricsRequireAdmin = metricsRequireAdmin != null && metricsRequireAdmin;
    }

    public ServerConfig withPort(int port) {
        return new ServerConfig(host, port, maxRequestBytes, requestTimeoutMs, docsEnabled, shutdownGraceMs,
                                upstreamConnectionPoolSize, metricsRequireAdmin);
    }
}
