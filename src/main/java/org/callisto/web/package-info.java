/**
 * The site on HTTP, the only package that knows HTTP: {@link org.callisto.web.WebServer} (Javalin on Jetty 12,
 * virtual threads), the routing table {@link org.callisto.web.Routes}, the page handlers ({@code *Pages}, one class
 * per capability), the page caches ({@link org.callisto.web.PageCache}), sessions and CSRF
 * ({@link org.callisto.web.WebSessions}), security headers, error pages, and media serving with ranges
 * ({@code Media*}). Templates are jte files under {@code src/main/jte}, precompiled, escaping by default; their
 * models are the records of {@code web.view}.
 *
 * <p>Pages are rendered from what the domain services return; the services come made from the composition root in
 * {@link org.callisto.web.SiteServices}. A shared page goes through a page cache; a page for one person goes out
 * through {@link org.callisto.web.Responses#personal}. May import the domain packages, {@code config} and
 * {@code db} (only its readiness check); never {@code app}. Handlers are thread-safe: one instance serves every
 * request.
 */
package org.callisto.web;
