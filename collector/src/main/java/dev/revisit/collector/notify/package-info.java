/**
 * Notifications for teams without Prometheus alerting: each verdict transition posted to
 * webhooks as Alertmanager's webhook JSON (version 4) or a Slack-compatible body, with retries
 * and without duplicates.
 */
package dev.revisit.collector.notify;
