/**
 * The decisions file: reading it with every mistake's line and column ({@link
 * dev.revisit.collector.decisions.DecisionsReader}), its model, and its generated JSON Schema.
 * Reference: docs/decisions.md.
 */
package dev.revisit.collector.decisions;
