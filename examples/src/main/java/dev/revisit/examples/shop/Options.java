package dev.revisit.examples.shop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code --name value} arguments for the shop's and the load driver's mains: each setting is taken once,
 * and what nobody took is an unknown option. {@code --help} anywhere is a {@link Help}.
 */
public final class Options {

    private final Map<String, String> given = new LinkedHashMap<>();
    private final String usage;

    private Options(String usage) {
        this.usage = usage;
    }

    public static Options parse(String usage, String... args) {
        if (List.of(args).contains("--help")) {
            throw new Help(usage);
        }
        Options options = new Options(usage);
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got '" + args[i] + "'\n" + usage);
            }
            options.given.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    /**
     * What a main makes of its arguments: the settings {@code parse} reads from them, or null once the
     * usage is printed for {@code --help} (the main then returns: exit 0); a mistake is printed to
     * stderr and exits 2.
     */
    public static <T> T forMain(Function<String[], T> parse, String... args) {
        try {
            return parse.apply(args);
        } catch (Help e) {
            System.out.println(e.getMessage());
            return null;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return null;
        }
    }

    /** The value of {@code --name}, or {@code fallback} without one. */
    public String take(String name, String fallback) {
        String value = given.remove(name);
        return value == null ? fallback : value;
    }

    /** Fails on the first option no setting took. */
    public void requireAllTaken() {
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown option --" + given.keySet().iterator().next() + "\n" + usage);
        }
    }

    /** Asked for the usage: printed, exit 0. */
    public static final class Help extends IllegalArgumentException {
        Help(String usage) {
            super(usage);
        }
    }
}
