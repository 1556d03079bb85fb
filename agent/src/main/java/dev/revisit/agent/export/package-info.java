/**
 * Getting the recorder's values out: {@link dev.revisit.agent.export.ExportLoop} pushes over OTLP
 * from a daemon thread; {@code prometheus} serves a scrape endpoint. Neither ever runs on, or
 * waits for, an application thread; a failing endpoint costs one log line per outage.
 */
package dev.revisit.agent.export;
