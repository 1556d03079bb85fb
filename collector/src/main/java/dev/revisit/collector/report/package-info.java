/** Outputs for people and scripts: the verdict table, JSON, the Markdown review pack, the catalog reference. */
package dev.revisit.collector.report;
