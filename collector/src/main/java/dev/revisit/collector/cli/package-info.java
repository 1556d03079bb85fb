/** The command line ({@link dev.revisit.collector.cli.Main}): check, serve, evaluate, report, signals, schema. */
package dev.revisit.collector.cli;
