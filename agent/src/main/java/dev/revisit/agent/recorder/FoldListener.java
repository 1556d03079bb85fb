package dev.revisit.agent.recorder;

/** Told each time a recording lost an attribute value to the cardinality cap. */
@FunctionalInterface
interface FoldListener {
    void folded(String metricName, String attributeKey);
}
