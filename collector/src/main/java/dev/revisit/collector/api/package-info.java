/**
 * The collector's JSON API under {@code /api/v1}: decisions with their verdicts and evidence,
 * findings, and the OpenAPI description of both. Read-only views of the verdict loop's latest
 * round; every failure is a JSON error with a 4xx (or 503 before the first round).
 */
package dev.revisit.collector.api;
