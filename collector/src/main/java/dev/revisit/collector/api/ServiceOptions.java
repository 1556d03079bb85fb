package dev.revisit.collector.api;

import dev.revisit.collector.notify.Webhook;
import java.util.List;

/**
 * What {@code serve} adds around the engine.
 *
 * @param databaseUrl the review log's JDBC URL; null for embedded H2 in the data directory
 * @param token       the bearer token writes need; {@link BearerToken#NONE} disables writes
 * @param webhooks    where verdict transitions are posted
 */
public record ServiceOptions(String databaseUrl, BearerToken token, List<Webhook> webhooks) {

    public static final ServiceOptions DEFAULT = new ServiceOptions(null, BearerToken.NONE, List.of());

    public ServiceOptions(String databaseUrl, BearerToken token) {
        this(databaseUrl, token, List.of());
    }

    public ServiceOptions {
        webhooks = List.copyOf(webhooks);
    }
}
