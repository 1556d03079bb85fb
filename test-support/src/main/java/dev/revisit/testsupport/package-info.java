/**
 * What the collector's and the examples' tests share to run the real thing: tools on the PATH
 * (Debian's prometheus, promtool, amtool, chromium), child processes with their output in a log,
 * a Prometheus server on a free port. A missing tool or server skips a test on a developer's
 * machine and fails it in CI, where .ci/run installs or starts it.
 */
package dev.revisit.testsupport;
