/** What {@code serve} runs: the store, the OTLP server and the verdict loop, and decisions-file reload. */
package dev.revisit.collector.engine;
