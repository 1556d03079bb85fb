/** JVM signals for the {@code deployment} area: CPU, memory headroom, GC time, start-to-ready. */
package dev.revisit.agent.jvm;
