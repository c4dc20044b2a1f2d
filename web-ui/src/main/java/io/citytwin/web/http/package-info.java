/**
 * The HTTP server: REST API under {@code /api} (documented by {@code /api/openapi.json}), {@code
 * /health}, {@code /metrics} (Prometheus text), the {@code /ws} live push, WebJars under {@code
 * /webjars} and the operations dashboard (static files in {@code webroot/}) at {@code /}.
 */
package io.citytwin.web.http;
