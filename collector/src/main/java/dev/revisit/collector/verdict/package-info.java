/**
 * Verdicts with evidence: a stateless evaluation of a decisions file over a store at an instant,
 * replaying recent history for hysteresis and trend (docs/adr/0004).
 */
package dev.revisit.collector.verdict;
