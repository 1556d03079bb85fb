/**
 * The status page, rendered on the server from the verdict loop's latest round: an overview by
 * area and a page per decision with its evidence and inline SVG charts. No scripts, no front-end
 * build; everything from the decisions file or a request is HTML-escaped.
 */
package dev.revisit.collector.page;
