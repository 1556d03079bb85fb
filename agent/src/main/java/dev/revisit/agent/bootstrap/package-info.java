/**
 * The only agent classes that instrumented code sees. At start-up the agent copies this
 * package (and its sub-packages) into a small jar and appends it to the bootstrap class
 * loader, so advice woven into any class — an application's JDBC driver or a JDK class
 * such as {@code ThreadPoolExecutor} — can call it.
 *
 * <p>Each instrumentation owns one hook class here, in a sub-package named like its
 * instrumentation package (e.g. {@code bootstrap.jdbc.JdbcHook}): an abstract class whose
 * methods do nothing, a {@code static volatile} current instance that starts as that
 * no-op, {@code get()} for advice and {@code install(...)} for the agent. The real
 * implementation lives in the agent's own class loader and may use anything there.
 * Keep hook classes free of dependencies beyond {@code java.base}: they load before,
 * and outside of, everything else.
 */
package dev.revisit.agent.bootstrap;
