/**
 * Where measurements accumulate between exports. Instruments ({@link dev.revisit.agent.recorder.Counter},
 * {@link dev.revisit.agent.recorder.Histogram}, {@link dev.revisit.agent.recorder.Gauge}) are
 * registered once; a series handle is resolved from attribute values and, once resolved,
 * recording into it takes no lock and allocates nothing. Every attribute's distinct values
 * are capped per metric and so is the number of series: past the cap new values fold into
 * {@code other}, counted in {@code revisit.agent.attribute.folded}. The export thread reads
 * a snapshot through {@link dev.revisit.agent.recorder.Recorder#collect()}; values are cumulative.
 */
package dev.revisit.agent.recorder;
