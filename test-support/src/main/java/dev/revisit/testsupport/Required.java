package dev.revisit.testsupport;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when a tool or server it needs is missing: skip on a developer's machine, fail
 * in CI (CI=true), where .ci/run installs and starts everything, so that a missing one can never
 * turn a CI run green by skipping.
 */
public final class Required {

    private Required() {}

    /** Whether this is a CI run, where nothing may skip. */
    public static boolean inCi() {
        return "true".equals(System.getenv("CI"));
    }

    /** Fails the test in CI, aborts (skips) it elsewhere; never returns. */
    public static AssertionError missing(String message) {
        if (inCi()) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }
}
