package org.callisto.planet.fetch;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * The SSRF guard inside Jetty: a {@link SocketAddressResolver} that resolves names with the usual resolver and
 * then drops every address the {@link AddressPolicy} refuses. Jetty connects only to the addresses this resolver
 * returns, so the check applies to the very address connected to (no second lookup, no DNS-rebinding gap), for
 * the first request and for every redirect hop alike. When no address survives, the promise fails with a
 * {@link BlockedAddressException} and no connection is attempted.
 *
 * <p>Thread-safe when the delegate is (Jetty's resolvers are).
 */
final class GuardedAddressResolver implements SocketAddressResolver {

    private final SocketAddressResolver delegate;
    private final AddressPolicy policy;

    GuardedAddressResolver(SocketAddressResolver delegate, AddressPolicy policy) {
        this.delegate = delegate;
        this.policy = policy;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        delegate.resolve(host, port, context, new Promise<>() {
            @Override
            public void succeeded(List<InetSocketAddress> addresses) {
                List<InetSocketAddress> allowed = new ArrayList<>(addresses.size());
                InetSocketAddress firstRefused = null;
                for (InetSocketAddress a : addresses) {
                    if (a.getAddress() != null && policy.allows(a.getAddress())) {
                        allowed.add(a);
                    } else if (firstRefused == null) {
                        firstRefused = a;
                    }
                }
                if (!allowed.isEmpty()) {
                    promise.succeeded(allowed);
                } else if (firstRefused != null && firstRefused.getAddress() != null) {
                    promise.failed(new BlockedAddressException(
                            host, firstRefused.getAddress(), AddressPolicy.classify(firstRefused.getAddress())));
                } else {
                    promise.failed(new java.net.UnknownHostException(host + " has no usable address"));
                }
            }

            @Override
            public void failed(Throwable failure) {
                promise.failed(failure);
            }
        });
    }
}
