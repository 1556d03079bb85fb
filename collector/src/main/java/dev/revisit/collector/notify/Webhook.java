package dev.revisit.collector.notify;

import java.net.URI;
import java.util.Locale;

/** Where to post transitions, and in which body format. */
public record Webhook(URI url, Format format) {

    public enum Format {
        ALERTMANAGER, SLACK;

        public static Format of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    public Webhook {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("a webhook URL must be http or https: " + url);
        }
    }
}
