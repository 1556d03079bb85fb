/**
 * Exports declared decisions as Prometheus rule groups, so that a Prometheus-compatible store's own
 * ruler (Prometheus, Mimir ruler, Thanos ruler, vmalert) evaluates them at any scale: a recording
 * rule per assumption (the catalog's PromQL for its signal, scope and window) and alerting rules
 * that flag the decision for review when the assumption is broken for its {@code for}, or cannot
 * be checked. Reference: docs/rules.md.
 */
package dev.revisit.collector.rules;
